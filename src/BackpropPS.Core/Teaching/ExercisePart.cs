namespace BackpropPS.Core.Teaching
{
    /// <summary>The three parts of one training step a worksheet can ask for.</summary>
    public enum ExercisePart
    {
        /// <summary>Each neuron's z and a.</summary>
        Forward,
        /// <summary>Each delta and each gradient dE/dparameter.</summary>
        Backward,
        /// <summary>Each parameter after one gradient-descent step.</summary>
        Update,
    }

    /// <summary>What one quantity of a worksheet is.</summary>
    public enum QuantityKind
    {
        /// <summary>z = sum of weight times input, plus the bias.</summary>
        Z,
        /// <summary>a = f(z).</summary>
        A,
        /// <summary>delta = dE/dz.</summary>
        Delta,
        /// <summary>dE/dw of one weight.</summary>
        WeightGradient,
        /// <summary>dE/db of one bias.</summary>
        BiasGradient,
        /// <summary>A weight after the step.</summary>
        NewWeight,
        /// <summary>A bias after the step.</summary>
        NewBias,
    }
}
