namespace BackpropPS.Core.Training
{
    /// <summary>The update rule a training run uses.</summary>
    public enum OptimizerKind
    {
        /// <summary>Plain gradient descent: w -= lr g.</summary>
        Sgd,
        /// <summary>Heavy-ball momentum (PyTorch's form): v = mu v + g; w -= lr v. Nesterov: w -= lr (g + mu v).</summary>
        Momentum,
        /// <summary>Adam (Kingma and Ba, 2015) with bias correction.</summary>
        Adam,
    }
}
