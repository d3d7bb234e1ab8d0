using System.IO;

namespace BackpropPS.Internal
{
    /// <summary>
    /// Builds the ErrorRecords the cmdlets report from a <see cref="BackpropException"/>: always its stable ErrorId, its
    /// readable message, the category its kind means, and an exception of the type that category means in PowerShell
    /// (an ItemNotFoundException for what is not there, an ArgumentException for a bad argument, ...), with the
    /// BackpropException inside it.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(BackpropException e, object target)
        {
            ErrorCategory category = Category(e.Kind);
            return new ErrorRecord(ExceptionFor(category, e.Message, e), e.ErrorId, category, target);
        }

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
                case ErrorCategory.PermissionDenied: return new UnauthorizedAccessException(message, inner);
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
                case BackpropErrorKind.InvalidType: return ErrorCategory.InvalidType;
                case BackpropErrorKind.ResourceExists: return ErrorCategory.ResourceExists;
                case BackpropErrorKind.ReadError: return ErrorCategory.ReadError;
                case BackpropErrorKind.WriteError: return ErrorCategory.WriteError;
                case BackpropErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                default: return ErrorCategory.InvalidArgument;
            }
        }
    }
}
