namespace BackpropPS.Core
{
    /// <summary>The loss of one sample; the loss of a batch is the mean over its samples.</summary>
    public enum LossFunction
    {
        /// <summary>sum over outputs of 1/2 (y - yhat)^2 (the seed example's).</summary>
        HalfSquaredError,
        /// <summary>mean over outputs of (y - yhat)^2.</summary>
        MeanSquaredError,
        /// <summary>-sum over outputs of y log yhat; needs a Softmax output layer.</summary>
        CrossEntropy,
        /// <summary>mean over outputs of -(y log yhat + (1 - y) log(1 - yhat)); needs a Sigmoid or Softmax output layer.</summary>
        BinaryCrossEntropy,
    }
}
