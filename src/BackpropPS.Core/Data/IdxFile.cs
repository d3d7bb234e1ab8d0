using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace BackpropPS.Core.Data
{
    /// <summary>
    /// One IDX file, the format of MNIST and Fashion-MNIST: two zero bytes, a type byte (0x08 for unsigned
    /// bytes, the only type those sets use), the number of dimensions, each dimension as a big-endian 32-bit
    /// integer, then the values row by row. Gzipped or not (told by the content, not the name).
    /// <para>
    /// A file comes from the internet, so it is sized from its header before its values are read: every size in
    /// 64-bit arithmetic, against what one array holds (<see cref="MaxValues"/>, <see cref="MaxPixels"/>), how far a
    /// gzip file may unpack (<see cref="MaxGzipRatio"/>) and the memory the process may use. The values are read in
    /// blocks as they come, never more than the header declares, and must be exactly as many as it declares, with
    /// nothing after them.
    /// </para>
    /// </summary>
    public sealed class IdxFile
    {
        /// <summary>The most values one file may declare: the longest array .NET makes.</summary>
        public const long MaxValues = 0x7FFFFFC7;

        /// <summary>The most values per item (pixels per image): 1,048,576, a 1024 x 1024 image; MNIST's are 784.</summary>
        public const int MaxPixels = 1 << 20;

        /// <summary>
        /// How many times its own size a gzipped file may unpack to: 100 (MNIST's images unpack to 4.7 times,
        /// Fashion-MNIST's to 1.8; gzip can reach 1,000 on data made of one byte, as a gzip bomb is).
        /// </summary>
        public const int MaxGzipRatio = 100;

        /// <summary>What a gzipped file may always unpack to, whatever its ratio: 1 MB (a small file of one label, say).</summary>
        public const long GzipRatioFloor = 1L << 20;

        private const byte UnsignedByte = 0x08;
        private const int Block = 1 << 20;

        private IdxFile(string path, int[] dimensions, long fileLength, bool gzip)
        {
            Path = path;
            Dimensions = dimensions;
            FileLength = fileLength;
            IsGzip = gzip;
        }

        /// <summary>The file it was read from.</summary>
        public string Path { get; }

        /// <summary>The size of each dimension: [count] for labels, [count, rows, columns] for images.</summary>
        public int[] Dimensions { get; }

        /// <summary>The number of items (the first dimension).</summary>
        public int Count => Dimensions[0];

        /// <summary>The values per item (1 for labels, rows x columns for images); at most <see cref="MaxPixels"/>.</summary>
        public int Width => (int)(ValueCount / Count);

        /// <summary>The number of values the header declares (count x width); at most <see cref="MaxValues"/>.</summary>
        public long ValueCount
        {
            get
            {
                long values = 1;
                foreach (int d in Dimensions) values *= d; // checked by the header: no overflow
                return values;
            }
        }

        /// <summary>The size of the file on disk in bytes.</summary>
        public long FileLength { get; }

        /// <summary>True when the file is gzipped.</summary>
        public bool IsGzip { get; }

        /// <summary>The values as bytes (labels).</summary>
        public byte[] Values { get; private set; }

        /// <summary>The values divided by the scale given to <c>ReadMatrix</c>, one row per item (images).</summary>
        public Matrix Matrix { get; private set; }

        /// <summary>The bytes <c>Read</c> needs: the values as they are read, then as one array.</summary>
        public long BytesToRead => 2 * ValueCount;

        /// <summary>The bytes <c>ReadMatrix</c> needs: the values as they are read, then 8 bytes each as doubles.</summary>
        public long BytesToReadMatrix => BytesToReadMatrixAs(Precision.Double);

        /// <summary>The bytes <c>ReadMatrix</c> needs in <paramref name="precision"/>: the values as read, then 8 (or 4) bytes each.</summary>
        public long BytesToReadMatrixAs(Precision precision) => (precision == Precision.Single ? 5 : 9) * ValueCount;

        /// <summary>The header as the reader checks it, without the values: an InvalidIdxFile or IdxFileTooLarge error saying why not.</summary>
        public static IdxFile ReadHeader(string path) => Load(path, null, CancellationToken.None);

        /// <summary>The dimensions in the header only, to tell images from labels before reading either.</summary>
        public static int[] ReadDimensions(string path) => ReadHeader(path).Dimensions;

        /// <summary>Reads the values as bytes; a file that is not whole, valid IDX is an InvalidIdxFile error.</summary>
        public static IdxFile Read(string path, CancellationToken cancel = default) =>
            Read(path, Validation.MemoryLimit, cancel);

        internal static IdxFile Read(string path, long memoryLimit, CancellationToken cancel)
        {
            return Load(path, (file, source) =>
            {
                EnsureMemory(file, file.BytesToRead, "as bytes", memoryLimit);
                List<byte[]> blocks = ReadBlocks(file, source, cancel);
                var values = new byte[file.ValueCount];
                for (int b = 0; b < blocks.Count; b++) Buffer.BlockCopy(blocks[b], 0, values, b * Block, blocks[b].Length);
                file.Values = values;
            }, cancel);
        }

        /// <summary>Reads the values as a matrix of value / <paramref name="scale"/>, one row per item.</summary>
        public static IdxFile ReadMatrix(string path, double scale, CancellationToken cancel = default) =>
            ReadMatrix(path, scale, Validation.MemoryLimit, cancel);

        internal static IdxFile ReadMatrix(string path, double scale, long memoryLimit, CancellationToken cancel, Precision precision = Precision.Double)
        {
            return Load(path, (file, source) =>
            {
                bool single = precision == Precision.Single;
                EnsureMemory(file, file.BytesToReadMatrixAs(precision), single ? "as floats" : "as doubles", memoryLimit);
                List<byte[]> blocks = ReadBlocks(file, source, cancel);
                file.Matrix = single ? Matrix.Wrap(file.Count, file.Width, Scale<float>(blocks, file.ValueCount, scale))
                    : Matrix.Wrap(file.Count, file.Width, Scale<double>(blocks, file.ValueCount, scale));
            }, cancel);
        }

        // "60,000" for labels, "47,040,000 (60,000 x 28 x 28)" for images: the values the header declares.
        private string DeclaredText() => Dimensions.Length == 1 ? Wording.Number(Count) : $"{Wording.Number(ValueCount)} ({Shape(Dimensions)})";

        private static string Shape(IEnumerable<int> dimensions) => string.Join(" x ", dimensions.Select(d => Wording.Number(d)));

        private static void EnsureMemory(IdxFile file, long bytes, string how, long memoryLimit) =>
            Validation.EnsureMemoryBytes(bytes, $"Reading '{file.Path}' ({Shape(file.Dimensions)} values) {how}", "", "DatasetTooLarge", memoryLimit);

        // Each value is the correctly rounded v / scale (as x / 255 gives elsewhere), from a table of the 256
        // possible ones; as floats, that double rounded to float (what rounding the doubles would give). Writing
        // 8 (or 4) bytes per value into fresh memory is what costs here (47 million values for Fashion-MNIST's
        // training images), so blocks are converted on every core.
        private static T[] Scale<T>(List<byte[]> blocks, long count, double scale) where T : unmanaged
        {
            var table = new T[256];
            for (int v = 0; v < 256; v++) table[v] = Kernels.Scalar.From<T>(v / scale);
#if NET8_0_OR_GREATER
            T[] data = GC.AllocateUninitializedArray<T>((int)count); // every element is written below
#else
            var data = new T[count];
#endif
            Parallel.For(0, blocks.Count, b =>
            {
                byte[] block = blocks[b];
                long start = (long)b * Block;
                for (int i = 0; i < block.Length; i++) data[start + i] = table[block[i]];
            });
            return data;
        }

        // The values in blocks of 1 MB, allocated as they arrive: a header that declares more than the file holds
        // costs only what the file holds. Never reads past what the header declares; what follows is EnsureEnd's.
        private static List<byte[]> ReadBlocks(IdxFile file, IdxSource source, CancellationToken cancel)
        {
            file.EnsureUnpackable();
            long total = file.ValueCount, read = 0;
            var blocks = new List<byte[]>();
            while (read < total)
            {
                cancel.ThrowIfCancellationRequested();
                var block = new byte[Math.Min(Block, total - read)];
                int got = source.Read(block, 0, block.Length);
                read += got;
                if (got < block.Length) break;
                blocks.Add(block);
            }
            source.EnsureEnd(HeaderBytes(file.Dimensions.Length) + total, HeaderBytes(file.Dimensions.Length), file.DeclaredText());
            return blocks;
        }

        private static long HeaderBytes(int rank) => 4 + 4 * rank;

        private static IdxFile Load(string path, Action<IdxFile, IdxSource> readValues, CancellationToken cancel)
        {
            cancel.ThrowIfCancellationRequested();
            try
            {
                using (IdxSource source = IdxSource.Open(path))
                {
                    IdxFile file = ReadHeader(path, source);
                    file.EnsureSizes();
                    readValues?.Invoke(file, source);
                    return file;
                }
            }
            catch (InvalidDataException)
            {
                throw Invalid(path, "its gzip data is damaged (not valid deflate data)");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new BackpropException("DatasetReadFailed", BackpropErrorKind.ReadError, $"Could not read '{path}': {e.Message}", e);
            }
        }

        private static IdxFile ReadHeader(string path, IdxSource source)
        {
            var start = new byte[4];
            int got = source.Read(start, 0, 4);
            if (got < 4)
            {
                source.EnsureWhole();
                throw Invalid(path, $"it holds {Wording.Count(got, "byte")}, fewer than an IDX header");
            }
            if (start[0] != 0 || start[1] != 0)
            {
                throw Invalid(path, $"it does not start with the IDX magic number (two zero bytes); got 0x{start[0]:x2}{start[1]:x2}");
            }
            if (start[2] != UnsignedByte)
            {
                throw Invalid(path, $"its values are of IDX type 0x{start[2]:x2}; expected 0x08 (unsigned bytes), as in MNIST and Fashion-MNIST");
            }
            int rank = start[3];
            if (rank < 1 || rank > 3) throw Invalid(path, $"it has {rank} dimensions; expected 1 (labels) to 3 (images)");
            var sizes = new byte[4 * rank];
            if (source.Read(sizes, 0, sizes.Length) < sizes.Length)
            {
                source.EnsureWhole();
                throw Invalid(path, "it ends inside its header");
            }
            var dimensions = new int[rank];
            for (int d = 0; d < rank; d++)
            {
                int i = 4 * d;
                long size = ((long)sizes[i] << 24) | ((long)sizes[i + 1] << 16) | ((long)sizes[i + 2] << 8) | sizes[i + 3];
                if (size == 0 || size > int.MaxValue)
                    throw Invalid(path, $"dimension {d + 1} has size {Wording.Number(size)}; expected 1 to {Wording.Number(int.MaxValue)}");
                dimensions[d] = (int)size;
            }
            return new IdxFile(path, dimensions, source.Length, source.IsGzip);
        }

        // Every size from the header, in 64-bit arithmetic that cannot overflow (each dimension is below 2^31, the
        // width a product of at most two, the count multiplied only once the width is known to be small), before
        // anything is allocated; then what the file's length says of its values.
        private void EnsureSizes()
        {
            long width = 1;
            for (int d = 1; d < Dimensions.Length; d++) width *= Dimensions[d];
            if (width > MaxPixels)
            {
                throw TooLarge($"its items have {Wording.Number(width)} values each ({Shape(Dimensions.Skip(1))}); " +
                    $"the module reads at most {Wording.Number(MaxPixels)} (a 1024 x 1024 image)");
            }
            if (Count > MaxValues / width)
            {
                throw TooLarge($"its header declares {DeclaredText()} values, more than one array holds ({Wording.Number(MaxValues)})");
            }
            long headerBytes = HeaderBytes(Dimensions.Length), unpacked = headerBytes + ValueCount;
            if (!IsGzip && FileLength != unpacked)
            {
                string fewerOrMore = FileLength < unpacked ? "fewer" : "more";
                throw Invalid(Path, $"it holds {Wording.Number(FileLength - headerBytes)} values, {fewerOrMore} than the {DeclaredText()} its header declares");
            }
        }

        // How far a gzip file may unpack, checked when its values are to be read (after the memory they need, the
        // more basic limit): a small file declaring much is a gzip bomb or a lie, and is refused unread.
        private void EnsureUnpackable()
        {
            long unpacked = HeaderBytes(Dimensions.Length) + ValueCount;
            if (IsGzip && unpacked > GzipRatioFloor && unpacked > MaxGzipRatio * FileLength)
            {
                throw new BackpropException("IdxFileTooCompressed", BackpropErrorKind.LimitsExceeded,
                    $"'{Path}' declares {DeclaredText()} values, {Wording.Bytes(unpacked)} to unpack from {Wording.Bytes(FileLength)} of gzip, " +
                    $"{Wording.Number(unpacked / FileLength)} times its size; the module unpacks a file to at most {MaxGzipRatio} times its size " +
                    "(image files unpack to a few times theirs; a file of one repeated byte, as a gzip bomb is, to a thousand times). " +
                    "If the file is genuine, unpack it (gunzip) and give the unpacked file.");
            }
        }

        private BackpropException TooLarge(string why) =>
            new BackpropException("IdxFileTooLarge", BackpropErrorKind.LimitsExceeded, $"'{Path}' is too large to read: {why}.");

        private static BackpropException Invalid(string path, string why) => IdxSource.Invalid(path, why);
    }
}
