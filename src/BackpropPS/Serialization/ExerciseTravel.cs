using System.IO;
using BackpropPS.Core.Teaching;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// Rebuilds what New-BackpropExercise returns: the exercise from its exercise file's text, through the same strict
    /// reader as an exercise file (the network, the input and target, the settings, the parts and layers asked), and the
    /// names of the files it wrote, as text.
    /// </summary>
    internal static class ExerciseTravel
    {
        public static ExerciseSheet Rebuild(DeserializedObject fields)
        {
            const string Expected = "the exercise in the exercise file format";
            string text = fields.OptionalText("ExerciseJson", Expected) ?? throw fields.Invalid("ExerciseJson", Expected);
            Exercise exercise;
            try
            {
                exercise = ExerciseJson.Read(new StringReader(text), $"The deserialized {fields.Noun}'s ExerciseJson");
            }
            catch (BackpropException e)
            {
                throw new BackpropException("InvalidDeserializedObject", BackpropErrorKind.InvalidData, e.Message, e);
            }
            const string Name = "a file name, or none";
            return new ExerciseSheet(exercise, fields.OptionalText("Path", Name), fields.OptionalText("DiagramPath", Name), fields.OptionalText("ExercisePath", Name));
        }
    }
}
