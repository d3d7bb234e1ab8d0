using System;
using System.Management.Automation;
using BackpropPS.Core;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Base of the module's cmdlets: turns the core's exceptions into ErrorRecords, terminating for what stops
    /// the whole command and non-terminating for what concerns one pipeline item, as PowerShell's own cmdlets do.
    /// </summary>
    public abstract class BackpropCmdlet : PSCmdlet
    {
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

        /// <summary>
        /// Runs <paramref name="action"/> for one pipeline item and writes its result; a BackpropException is
        /// written as a non-terminating error with its ErrorId, and the next item goes on. So -ErrorAction,
        /// -ErrorVariable and $? work as with Get-Item.
        /// </summary>
        protected void WriteResult<T>(Func<T> action, object target)
        {
            T result;
            try
            {
                result = action();
            }
            catch (BackpropException e)
            {
                WriteError(ErrorRecords.From(e, target));
                return;
            }
            WriteObject(result);
        }
    }
}
