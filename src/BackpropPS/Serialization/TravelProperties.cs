using BackpropPS.Core.Explain;
using BackpropPS.Core.Training;

namespace BackpropPS.Serialization
{
    /// <summary>
    /// The hidden code properties that BackpropPS.Types.ps1xml gives the module's objects for serialization:
    /// what a job, a remote session or Export-Clixml carries, as strings, so that no serialization depth cuts
    /// a network into its ToString(). <see cref="RehydratingConverter"/> rebuilds the objects from them.
    /// </summary>
    public static class TravelProperties
    {
        /// <summary>The network (a step's network before it) in the network file format, or null if it holds NaN.</summary>
        public static string NetworkJson(PSObject instance)
        {
            Network network = NetworkOf(instance?.BaseObject);
            if (network == null) return null;
            try
            {
                return Core.NetworkJson.Serialize(network, indented: false); // one line: half the characters of the file's layout
            }
            catch (BackpropException)
            {
                return null; // a network with NaN or infinite weights has no file form; it travels as its summary only
            }
        }

        /// <summary>The inputs of a forward pass, gradient or step, as <see cref="MatrixText"/>.</summary>
        public static string InputText(PSObject instance)
        {
            switch (instance?.BaseObject)
            {
                case ForwardPass forward: return MatrixText.Format(forward.Input);
                case Gradient gradient: return MatrixText.Format(gradient.Forward.Input);
                case TrainingStep step: return MatrixText.Format(step.Input);
                default: return null;
            }
        }

        /// <summary>The targets of a gradient or step, as <see cref="MatrixText"/>.</summary>
        public static string TargetText(PSObject instance)
        {
            switch (instance?.BaseObject)
            {
                case Gradient gradient: return MatrixText.Format(gradient.Target);
                case TrainingStep step: return MatrixText.Format(step.Target);
                default: return null;
            }
        }

        private static Network NetworkOf(object value)
        {
            switch (value)
            {
                case Network network: return network;
                case ForwardPass forward: return forward.Network;
                case Gradient gradient: return gradient.Network;
                case TrainingStep step: return step.Before;
                case EpochResult epoch: return epoch.Network;
                default: return null;
            }
        }
    }
}
