namespace BackpropPS.Core
{
    /// <summary>What kind of mistake a <see cref="BackpropException"/> reports; the cmdlets map it to an ErrorCategory.</summary>
    public enum BackpropErrorKind
    {
        /// <summary>An argument has the wrong shape or value.</summary>
        InvalidArgument,
        /// <summary>Data (a file, a record) is malformed.</summary>
        InvalidData,
        /// <summary>The operation does not fit the objects given (e.g. a loss with the wrong output layer).</summary>
        InvalidOperation,
        /// <summary>Something named (a file, a column, a data set) is not there.</summary>
        NotFound,
        /// <summary>The request is beyond what the machine or the format can hold (a network too large for memory).</summary>
        LimitsExceeded,
        /// <summary>An object of another kind came where one kind is expected (a gradient where a network belongs).</summary>
        InvalidType,
        /// <summary>Something that must not exist yet does (a file not to be replaced).</summary>
        ResourceExists,
        /// <summary>A file or stream could not be read.</summary>
        ReadError,
        /// <summary>A file or stream could not be written.</summary>
        WriteError,
        /// <summary>The user may not read or change what is named (a folder they cannot enter).</summary>
        PermissionDenied,
    }

    /// <summary>A mistake in what the caller gave, with a stable identifier for scripts and tests.</summary>
    public sealed class BackpropException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public BackpropException(string errorId, BackpropErrorKind kind, string message, Exception inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
        }

        /// <summary>A stable identifier such as <c>InputSizeMismatch</c>.</summary>
        public string ErrorId { get; }

        /// <summary>The kind of mistake.</summary>
        public BackpropErrorKind Kind { get; }

        /// <summary>An InvalidArgument exception.</summary>
        public static BackpropException Argument(string errorId, string message) =>
            new BackpropException(errorId, BackpropErrorKind.InvalidArgument, message);

        /// <summary>An InvalidOperation exception: the objects given do not fit together.</summary>
        public static BackpropException Operation(string errorId, string message) =>
            new BackpropException(errorId, BackpropErrorKind.InvalidOperation, message);
    }
}
