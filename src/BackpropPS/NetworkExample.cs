namespace BackpropPS
{
    /// <summary>Built-in networks for <c>New-BackpropNetwork -Example</c>.</summary>
    public enum NetworkExample
    {
        /// <summary>The classic 2-2-2 sigmoid network with one shared bias per layer, as in the step-by-step walk-through.</summary>
        StepByStep,
    }
}
