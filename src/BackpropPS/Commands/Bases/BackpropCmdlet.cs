using System.Threading;

namespace BackpropPS.Commands
{
    /// <summary>
    /// Base of the module's cmdlets: turns the core's and the helpers' <see cref="BackpropException"/>s into
    /// ErrorRecords, terminating for what stops the whole command and non-terminating for what concerns one
    /// pipeline item, as PowerShell's own cmdlets do. Helpers only throw; cmdlets decide which kind it is here.
    /// </summary>
    public abstract class BackpropCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>Cancelled when the user stops the command (Ctrl+C): long work (training, drawing) watches it.</summary>
        protected CancellationToken StopToken => _stop.Token;

        /// <inheritdoc />
        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>Releases the stop signal.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases what the command holds; a command with more to release adds it here.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing) _stop.Dispose();
        }

        /// <summary>
        /// Runs <paramref name="action"/>; a BackpropException stops the command with its ErrorId. For what the
        /// command cannot go on without: its settings, or all the data at once.
        /// </summary>
        protected T Run<T>(Func<T> action, object target)
        {
            try
            {
                return action();
            }
            catch (BackpropException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, target));
                throw; // not reached: ThrowTerminatingError always throws
            }
        }

        /// <summary>Runs <paramref name="action"/> as <see cref="Run{T}"/> does, for a check or a step with no result.</summary>
        protected void Run(Action action, object target) => Run(() => { action(); return true; }, target);

        /// <summary>
        /// Runs <paramref name="action"/> for one pipeline item and writes its result; a BackpropException is
        /// written as a non-terminating error with its ErrorId, and the next item goes on. So -ErrorAction,
        /// -ErrorVariable and $? work as with Get-Item.
        /// </summary>
        protected void WriteResult<T>(Func<T> action, object target)
        {
            if (TryRun(action, target, out T result)) WriteObject(result);
        }

        /// <summary>
        /// Runs <paramref name="action"/> for one item among many: false, with the error written as a non-terminating
        /// one, when it throws a BackpropException.
        /// </summary>
        protected bool TryRun<T>(Func<T> action, object target, out T result)
        {
            try
            {
                result = action();
                return true;
            }
            catch (BackpropException e)
            {
                WriteError(ErrorRecords.From(e, target));
                result = default;
                return false;
            }
        }

        /// <summary>Stops the command with <paramref name="errorId"/>: a setting or an input that cannot be used.</summary>
        protected void Refuse(string errorId, string message, object target, BackpropErrorKind kind = BackpropErrorKind.InvalidArgument) =>
            ThrowTerminatingError(ErrorRecords.From(new BackpropException(errorId, kind, message), target));

        /// <summary>True when the user gave <paramref name="parameter"/> (rather than leaving its default).</summary>
        protected bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
