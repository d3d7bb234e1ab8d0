using System;
using System.Management.Automation;
using BackpropPS.Core;

namespace BackpropPS.Internal
{
    /// <summary>Base of the module's cmdlets: turns the core's exceptions into terminating ErrorRecords.</summary>
    public abstract class BackpropCmdlet : PSCmdlet
    {
        /// <summary>Runs <paramref name="action"/>; a BackpropException stops the command with its ErrorId.</summary>
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
    }
}
