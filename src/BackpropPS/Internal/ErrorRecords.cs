using System;
using System.Management.Automation;
using BackpropPS.Core;

namespace BackpropPS.Internal
{
    /// <summary>Builds the ErrorRecords the cmdlets report: always a stable ErrorId and a readable message.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(BackpropException e, object target) =>
            new ErrorRecord(e, e.ErrorId, Category(e.Kind), target);

        public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object target, Exception inner = null) =>
            new ErrorRecord(new BackpropException(errorId, BackpropErrorKind.InvalidArgument, message, inner), errorId, category, target);

        private static ErrorCategory Category(BackpropErrorKind kind)
        {
            switch (kind)
            {
                case BackpropErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case BackpropErrorKind.InvalidOperation: return ErrorCategory.InvalidOperation;
                default: return ErrorCategory.InvalidArgument;
            }
        }
    }
}
