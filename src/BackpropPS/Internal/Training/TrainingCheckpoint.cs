using BackpropPS.Core.Training;

namespace BackpropPS.Internal
{
    /// <summary>
    /// The network file Invoke-BackpropTraining -CheckpointPath keeps: written every <c>interval</c> epochs and after
    /// the last finished one, also when the run is stopped (Ctrl+C) or fails, so that nothing trained is lost.
    /// </summary>
    internal sealed class TrainingCheckpoint
    {
        private const string ExistsErrorId = "CheckpointFileExists";
        private readonly int _interval;
        private readonly bool _replace;
        private EpochResult _saved;
        private bool _written;

        private TrainingCheckpoint(string path, int interval, bool replace)
        {
            Path = path;
            _interval = interval;
            _replace = replace;
        }

        /// <summary>The checked path; checked before training, so that a bad path does not surface only at the first checkpoint.</summary>
        public static TrainingCheckpoint Prepare(PSCmdlet cmdlet, string typed, int interval, bool replace) =>
            new TrainingCheckpoint(ExportFile.Prepare(cmdlet, typed, replace, ExistsErrorId), interval, replace);

        /// <summary>The file's provider path.</summary>
        public string Path { get; }

        /// <summary>Saves <paramref name="epoch"/> when it is a checkpoint epoch; true when it wrote.</summary>
        public bool After(EpochResult epoch) => epoch.Epoch % _interval == 0 && Save(epoch);

        /// <summary>Saves the last finished epoch unless it is saved already; true when it wrote.</summary>
        public bool Finish(EpochResult last) => last != null && last != _saved && Save(last);

        private bool Save(EpochResult epoch)
        {
            // Without -Force the first checkpoint is created new, so that two runs given the same path do not both
            // write it (the second stops with CheckpointFileExists); later ones replace this run's own file.
            ExportFile.Write(Path, writer => NetworkJson.Write(epoch.Network, writer), "CheckpointWriteFailed", _written || _replace ? null : ExistsErrorId);
            _written = true;
            _saved = epoch;
            return true;
        }
    }
}
