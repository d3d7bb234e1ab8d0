using System;
using System.IO;
using System.Management.Automation;
using BackpropPS.Core;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Builds the ErrorRecords the cmdlets report: always a stable ErrorId, a readable message, the category, and
    /// an exception of the type that category means in PowerShell (an ItemNotFoundException for what is not
    /// there, an ArgumentException for a bad argument, ...), with the core's BackpropException inside it.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(BackpropException e, object target)
        {
            ErrorCategory category = Category(e.Kind);
            return new ErrorRecord(ExceptionFor(category, e.Message, e), e.ErrorId, category, target);
        }

        public static ErrorRecord Create(string errorId, ErrorCategory category, string message, object target, Exception inner = null) =>
            new ErrorRecord(ExceptionFor(category, message, new BackpropException(errorId, KindOf(category), message, inner)), errorId, category, target);

        /// <summary>The exception PowerShell's own cmdlets use for an error of <paramref name="category"/>.</summary>
        private static Exception ExceptionFor(ErrorCategory category, string message, Exception inner)
        {
            switch (category)
            {
                case ErrorCategory.ObjectNotFound: return new ItemNotFoundException(message, inner);
                case ErrorCategory.InvalidArgument: return new ArgumentException(message, inner);
                case ErrorCategory.InvalidType: return new PSInvalidCastException(message, inner);
                case ErrorCategory.InvalidData: return new InvalidDataException(message, inner);
                case ErrorCategory.ResourceExists:
                case ErrorCategory.ReadError:
                case ErrorCategory.WriteError: return new IOException(message, inner);
                case ErrorCategory.LimitsExceeded: return new PSArgumentOutOfRangeException(message, inner);
                case ErrorCategory.OperationStopped: return new OperationCanceledException(message, inner);
                default: return new InvalidOperationException(message, inner);
            }
        }

        private static ErrorCategory Category(BackpropErrorKind kind)
        {
            switch (kind)
            {
                case BackpropErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case BackpropErrorKind.InvalidOperation: return ErrorCategory.InvalidOperation;
                case BackpropErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case BackpropErrorKind.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                default: return ErrorCategory.InvalidArgument;
            }
        }

        private static BackpropErrorKind KindOf(ErrorCategory category)
        {
            switch (category)
            {
                case ErrorCategory.InvalidData: return BackpropErrorKind.InvalidData;
                case ErrorCategory.InvalidOperation: return BackpropErrorKind.InvalidOperation;
                case ErrorCategory.ObjectNotFound: return BackpropErrorKind.NotFound;
                case ErrorCategory.LimitsExceeded: return BackpropErrorKind.LimitsExceeded;
                default: return BackpropErrorKind.InvalidArgument;
            }
        }
    }
}
