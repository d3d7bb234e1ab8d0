namespace BackpropPS.Serialization
{
    /// <summary>
    /// Brings a deserialized network, epoch row, forward pass, gradient, step, learning-rate result or data set back
    /// alive. PowerShell's deserializer calls it for a "Deserialized.BackpropPS..." object whose type names it as
    /// TargetTypeForDeserialization (BackpropPS.Types.ps1xml), when the module is loaded in the receiving session;
    /// a cast calls it too. An object that cannot be rebuilt (<see cref="Rehydration"/> says why) stays a
    /// Deserialized.* object, and a cmdlet it is given to refuses it with that reason (the TravellingObject attribute, or the cmdlet itself).
    /// </summary>
    public sealed class RehydratingConverter : PSTypeConverter
    {
        /// <inheritdoc />
        public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
            Rehydration.Travels(destinationType) && Rehydration.TravellingType(sourceValue as PSObject) == destinationType;

        /// <inheritdoc />
        public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
        {
            try
            {
                return Rehydration.Rebuild((PSObject)sourceValue, destinationType);
            }
            catch (BackpropException e)
            {
                throw new PSInvalidCastException(e.Message, e);
            }
        }

        /// <inheritdoc />
        public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

        /// <inheritdoc />
        public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            throw new PSInvalidCastException("BackpropPS objects convert only from their deserialized form.");
    }
}
