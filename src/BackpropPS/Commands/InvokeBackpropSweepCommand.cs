using System.Collections;
using System.IO;
using System.Management.Automation.Runspaces;
using BackpropPS.Core.Training;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Runs Invoke-BackpropTraining once per combination of a grid of settings, in parallel on local runspaces or
    /// on remote sessions, and emits one tidy row per epoch per run (the run's settings as columns), run by run in
    /// grid order. A failing run is a non-terminating error; the others go on.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "BackpropSweep", DefaultParameterSetName = LocalSet)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeBackpropSweepCommand : BackpropCmdlet
    {
        private const string LocalSet = "Local";
        private const string SessionSet = "Session";
        private const string RowType = "BackpropPS.SweepRow";

        // On a remote machine: the network travels as its file format and the rows come back as numbers and that
        // text, so nothing depends on the remote side's objects surviving serialization.
        private const string RemoteScript = @"
param([hashtable] $Parameters, [string] $NetworkJson)
Import-Module BackpropPS -ErrorAction Stop
$Parameters['Network'] = [BackpropPS.Core.NetworkJson]::Deserialize($NetworkJson)
foreach ($name in 'Input', 'Target') { if ($Parameters.ContainsKey($name)) { $Parameters[$name] = [double[][]] @($Parameters[$name]) } }
$input | Invoke-BackpropTraining @Parameters | ForEach-Object {
    [pscustomobject]@{ Epoch = $_.Epoch; Loss = $_.Loss; ValidationLoss = $_.ValidationLoss; Accuracy = $_.Accuracy
        ValidationAccuracy = $_.ValidationAccuracy; GradientNorm = $_.GradientNorm; NetworkJson = [BackpropPS.Core.NetworkJson]::Serialize($_.Network) }
}";

        // The data every run gets: the columns, if any, are in -Parameters or -Grid, and each run reads them.
        private readonly DataInput _data = new DataInput(new string[0], keepRecords: true, oneDataset: true);
        private SweepWorkers _workers;

        /// <summary>Invoke-BackpropTraining parameter names and the values each takes; every combination is one run.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public IDictionary Grid { get; set; }

        /// <summary>The network every run starts from; it is not changed.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        [TravellingObject]
        public Network Network { get; set; }

        /// <summary>A training record (an Import-Csv row or any object), or one whole data set object, given to every run.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject InputObject { get; set; }

        /// <summary>Invoke-BackpropTraining parameters that are the same in every run (-Epochs, -Dataset, -Input, ...).</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary Parameters { get; set; }

        /// <summary>How many runs train at once on this machine; by default one per processor.</summary>
        [Parameter(ParameterSetName = LocalSet)]
        [ValidateRange(1, 1024)]
        [WholeNumber]
        public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

        /// <summary>Remote sessions (New-PSSession) with BackpropPS installed; each trains one run at a time.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SessionSet)]
        [ValidateNotNullOrEmpty]
        public PSSession[] Session { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (InputObject != null) Run(() => _data.Add(InputObject), InputObject);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            SweepGrid grid = Run(() => SweepGrid.Create(Grid, Parameters), Grid);
            if (ParameterSetName == SessionSet) EnsureRemotable(grid);
            IEnumerable<object> input = _data.Dataset != null ? new object[] { _data.Dataset } : _data.Records;
            _workers = ParameterSetName == SessionSet
                ? SweepWorkers.Remote(Session.Select(s => s.Runspace).ToList(), grid.Count, k => Remote(ForRun(grid, k)), input)
                : SweepWorkers.Local(ModulePath(), ThrottleLimit, grid.Count, k => Local(ForRun(grid, k)), input);
            WriteVerbose($"{Wording.Count((int)Math.Min(grid.Count, int.MaxValue), "run")} on {(ParameterSetName == SessionSet ? Wording.Count(Session.Length, "session") : Wording.Count((int)Math.Min(ThrottleLimit, grid.Count), "runspace"))}.");
            _workers.Start();
            var progress = new ProgressRecord(1, $"Sweep of {Wording.Number(grid.Count)} runs", "Training");
            try
            {
                // Run by run in grid order, each row written as soon as it is made; nothing is kept once written.
                for (long k = 0; k < grid.Count; k++)
                {
                    SweepRun run = grid.Run(k);
                    progress.StatusDescription = run.Describe();
                    progress.PercentComplete = (int)(100 * k / grid.Count);
                    WriteProgress(progress);
                    SweepRunOutput output = _workers.Output(k);
                    if (output == null) return;
                    foreach (PSObject row in _workers.Rows(output)) WriteObject(Row(run, row));
                    foreach (ErrorRecord error in output.Errors) WriteError(ForRun(run, error));
                    _workers.Written(output);
                }
            }
            catch (OperationCanceledException)
            {
                return; // stopped
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            base.StopProcessing();
            _workers?.Stop();
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing) _workers?.Dispose();
            base.Dispose(disposing);
        }

        // Parallel runs each take one core rather than fight over all of them; results are the same either way.
        private static SweepRun ForRun(SweepGrid grid, long index)
        {
            SweepRun run = grid.Run(index);
            if (!run.Parameters.ContainsKey("ThreadCount")) run.Parameters["ThreadCount"] = 1;
            return run;
        }

        private PowerShell Local(SweepRun run)
        {
            var parameters = new Hashtable(run.Parameters, StringComparer.OrdinalIgnoreCase) { ["Network"] = Network };
            return PowerShell.Create().AddCommand("Invoke-BackpropTraining").AddParameters(parameters);
        }

        private PowerShell Remote(SweepRun run) =>
            PowerShell.Create().AddScript(RemoteScript).AddArgument(run.Parameters).AddArgument(NetworkJson.Serialize(Network));

        // A data set object does not survive the trip to another machine (yet): say so rather than train on a husk.
        private void EnsureRemotable(SweepGrid grid)
        {
            if (_data.Dataset != null || grid.Holds(v => v is Dataset))
                Refuse("DatasetNotRemotable", "A data set object cannot be sent to a remote session; give the data as records or as -Input and -Target in -Parameters.", Session);
        }

        // The module manifest beside the running DLL's folder (out/BackpropPS/net8.0/..), else the DLL itself.
        private static string ModulePath()
        {
            string dll = typeof(InvokeBackpropSweepCommand).Assembly.Location;
            string manifest = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(dll)), "BackpropPS.psd1");
            return File.Exists(manifest) ? manifest : dll;
        }

        // Run, the grid's settings, then the epoch's numbers and network: flat, for Export-Csv and Group-Object.
        private static PSObject Row(SweepRun run, PSObject epoch)
        {
            var row = new PSObject();
            row.TypeNames.Insert(0, RowType);
            row.Properties.Add(new PSNoteProperty("Run", run.Number));
            // A grid over -Loss names the loss function; its column is LossFunction, so the epoch's Loss keeps its own.
            foreach (var setting in run.Settings) row.Properties.Add(new PSNoteProperty(setting.Key == "Loss" ? "LossFunction" : setting.Key, setting.Value));
            foreach (string name in new[] { "Epoch", "Loss", "ValidationLoss", "Accuracy", "ValidationAccuracy", "GradientNorm" })
                row.Properties.Add(new PSNoteProperty(name, epoch.Properties[name]?.Value));
            object network = epoch.BaseObject is EpochResult live ? live.Network
                : NetworkJson.Deserialize((string)epoch.Properties["NetworkJson"].Value, "the network a remote run sent");
            row.Properties.Add(new PSNoteProperty("Network", network));
            return row;
        }

        // The run's own error, with its ErrorId kept and its message saying which run it was.
        private static ErrorRecord ForRun(SweepRun run, ErrorRecord error)
        {
            string id = error.FullyQualifiedErrorId.Split(',')[0];
            string message = error.ErrorDetails?.Message ?? error.Exception.Message;
            var settings = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["Run"] = run.Number };
            foreach (var s in run.Settings) settings[s.Key] = s.Value;
            return new ErrorRecord(error.Exception, id, error.CategoryInfo.Category, settings)
            {
                ErrorDetails = new ErrorDetails($"{run.Describe()}: {message}"),
            };
        }
    }
}
