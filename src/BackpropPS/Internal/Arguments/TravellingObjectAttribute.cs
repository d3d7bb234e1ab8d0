using BackpropPS.Serialization;

namespace BackpropPS.Internal
{
    /// <summary>
    /// On every parameter that takes one of the module's objects: an object that came through a job, a remote session
    /// or Import-Clixml and is still a Deserialized.* object (remoting deserializes without the session's type data;
    /// an object that could not be rebuilt stays one) is rebuilt before binding, or refused with the reason, in the
    /// user's terms. Without it the binder would say only that it cannot convert one .NET type to another. Other
    /// values pass through untouched. A test (Travel.Tests) fails for a parameter of a travelling type that goes without it;
    /// a parameter that takes any object (Get-BackpropParameter's) rebuilds in the cmdlet instead, so its error has the ErrorId.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class TravellingObjectAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            try
            {
                return Rehydration.Live(inputData);
            }
            catch (BackpropException e)
            {
                // PowerShell reports it as ParameterArgumentTransformationError on the parameter, with this message.
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
        }
    }
}
