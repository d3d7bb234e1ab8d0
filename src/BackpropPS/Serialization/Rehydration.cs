using BackpropPS.Core.Explain;
using BackpropPS.Core.Training;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// The module's objects that travel through jobs, remoting and Clixml, what a message calls each, and how each is
    /// rebuilt from the Deserialized.* property bag it arrives as. Every field is checked as strictly as the network file
    /// reader checks a file; what does not pass is a BackpropException (InvalidDeserializedObject, TooLargeToTravel)
    /// that names the object and the field, and never anything else.
    /// </summary>
    internal static class Rehydration
    {
        private static readonly (Type Type, string Noun, Func<DeserializedObject, object> Rebuild)[] Kinds =
        {
            (typeof(Network), "network", NetworkTravel.Network),
            (typeof(ForwardPass), "forward pass", NetworkTravel.Forward),
            (typeof(Gradient), "gradient", NetworkTravel.Gradient),
            (typeof(TrainingStep), "training step", NetworkTravel.Step),
            (typeof(EpochResult), "epoch row", EpochRowTravel.Rebuild),
            (typeof(LearningRateRangeResult), "learning-rate result", LearningRateResultTravel.Rebuild),
            (typeof(Dataset), "data set", DatasetTravel.Rebuild),
            (typeof(ExerciseSheet), "exercise", ExerciseTravel.Rebuild),
        };

        // The type name each arrives with, in the order of Kinds: looked up for every piped record, so made once.
        private static readonly string[] DeserializedNames = Kinds.Select(k => "Deserialized." + k.Type.FullName).ToArray();

        /// <summary>True for the types that travel.</summary>
        public static bool Travels(Type type) => Kinds.Any(k => k.Type == type);

        /// <summary>The live type of a Deserialized.* object of the module, or null for anything else.</summary>
        public static Type TravellingType(PSObject value)
        {
            string name = value != null && value.TypeNames.Count > 0 ? value.TypeNames[0] : null;
            int kind = name == null ? -1 : Array.IndexOf(DeserializedNames, name);
            return kind < 0 ? null : Kinds[kind].Type;
        }

        /// <summary>The live object of <paramref name="type"/> from its property bag, or a BackpropException saying what is wrong with it.</summary>
        public static object Rebuild(PSObject source, Type type)
        {
            var kind = Kinds.First(k => k.Type == type);
            var fields = new DeserializedObject(source, kind.Noun);
            try
            {
                return kind.Rebuild(fields);
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidCastException || e is FormatException || e is OverflowException)
            {
                // The core's constructors check what they are given; a bag that reaches one of their own checks was changed
                // in a way the checks above did not foresee. Its message is the runtime's, so it is not shown.
                throw fields.Refused("it is not what the module sends (was it edited?).", e);
            }
        }

        /// <summary>
        /// The live object behind a value: a Deserialized.* object of the module rebuilt, anything else as it came.
        /// Throws as <see cref="Rebuild"/> does for an object that cannot be rebuilt.
        /// </summary>
        public static object Live(object value)
        {
            var bag = value as PSObject;
            Type type = TravellingType(bag);
            return type == null ? value : Rebuild(bag, type);
        }

        /// <summary>
        /// For a cmdlet whose input is any of several kinds, where binding cannot rebuild: the live object behind a piped
        /// item (its base object, or the Deserialized.* object rebuilt). Called inside Run or TryRun, so that an object
        /// that cannot be rebuilt is an error with its own ErrorId.
        /// </summary>
        public static object LiveBaseObject(PSObject item)
        {
            object live = Live(item);
            return live is PSObject wrapped ? wrapped.BaseObject : live;
        }
    }
}
