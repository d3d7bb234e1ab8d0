using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;

namespace BackpropPS.Core.Data
{
    /// <summary>
    /// One IDX file, the format of MNIST and Fashion-MNIST: two zero bytes, a type byte (0x08 for unsigned
    /// bytes, the only type those sets use), the number of dimensions, each dimension as a big-endian 32-bit
    /// integer, then the values row by row. Gzipped or not (told by the content, not the name). The values
    /// are checked to be exactly as many as the header says.
    /// </summary>
    public sealed class IdxFile
    {
        private const byte UnsignedByte = 0x08;
        private const int ChunkSize = 1 << 16;

        private IdxFile(string path, int[] dimensions)
        {
            Path = path;
            Dimensions = dimensions;
        }

        /// <summary>The file it was read from.</summary>
        public string Path { get; }

        /// <summary>The size of each dimension: [count] for labels, [count, rows, columns] for images.</summary>
        public int[] Dimensions { get; }

        /// <summary>The number of items (the first dimension).</summary>
        public int Count => Dimensions[0];

        /// <summary>The values per item (1 for labels, rows x columns for images).</summary>
        public int Width
        {
            get
            {
                long width = 1;
                for (int d = 1; d < Dimensions.Length; d++) width *= Dimensions[d];
                return (int)width;
            }
        }

        /// <summary>The values as bytes (labels).</summary>
        public byte[] Values { get; private set; }

        /// <summary>The values divided by the scale given to <see cref="ReadMatrix"/>, one row per item (images).</summary>
        public Matrix Matrix { get; private set; }

        /// <summary>Reads the values as bytes; a file that is not whole, valid IDX is an InvalidIdxFile error.</summary>
        public static IdxFile Read(string path)
        {
            return Load(path, (file, stream) =>
            {
                var values = new byte[(long)file.Count * file.Width];
                ReadExactly(file, stream, values, 0, values.Length);
                file.Values = values;
            });
        }

        /// <summary>Reads the values as a matrix of value / <paramref name="scale"/>.</summary>
        public static IdxFile ReadMatrix(string path, double scale)
        {
            return Load(path, (file, stream) =>
            {
                long total = (long)file.Count * file.Width;
                if (total > int.MaxValue) throw Invalid(path, $"its {Wording.Number(total)} values are more than one matrix holds");
                var bytes = new byte[total];
                ReadExactly(file, stream, bytes, 0, bytes.Length);
                file.Matrix = Matrix.Wrap(file.Count, file.Width, Scale(bytes, scale));
            });
        }

        // Each value is the correctly rounded v / scale (as x / 255 gives elsewhere), from a table of the 256
        // possible ones. Writing 8 bytes per value into fresh memory is what costs here (47 million values for
        // Fashion-MNIST's training images), so blocks are converted on every core.
        private static double[] Scale(byte[] bytes, double scale)
        {
            var table = new double[256];
            for (int v = 0; v < 256; v++) table[v] = v / scale;
#if NET8_0_OR_GREATER
            double[] data = GC.AllocateUninitializedArray<double>(bytes.Length); // every element is written below
#else
            var data = new double[bytes.Length];
#endif
            const int Block = 1 << 20;
            int blocks = (bytes.Length + Block - 1) / Block;
            Parallel.For(0, blocks, b =>
            {
                int end = Math.Min(bytes.Length, (b + 1) * Block);
                for (int i = b * Block; i < end; i++) data[i] = table[bytes[i]];
            });
            return data;
        }

        /// <summary>The dimensions in the header only, to tell images from labels before reading either.</summary>
        public static int[] ReadDimensions(string path) => Load(path, null).Dimensions;

        private static IdxFile Load(string path, Action<IdxFile, Stream> readValues)
        {
            try
            {
                using (Stream raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize))
                using (Stream stream = IsGzip(raw) ? new GZipStream(raw, CompressionMode.Decompress) : raw)
                {
                    IdxFile file = ReadHeader(path, stream);
                    if (readValues == null) return file;
                    readValues(file, stream);
                    if (stream.ReadByte() >= 0) throw Invalid(path, $"it holds more values than its header ({string.Join(" x ", file.Dimensions)}) says");
                    return file;
                }
            }
            catch (Exception e) when (e is InvalidDataException || e is EndOfStreamException)
            {
                throw Invalid(path, $"it is not a valid gzip file ({e.Message})");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new BackpropException("DatasetReadFailed", BackpropErrorKind.InvalidData, $"Could not read '{path}': {e.Message}", e);
            }
        }

        private static bool IsGzip(Stream raw)
        {
            int b0 = raw.ReadByte(), b1 = raw.ReadByte();
            raw.Position = 0;
            return b0 == 0x1f && b1 == 0x8b;
        }

        private static IdxFile ReadHeader(string path, Stream stream)
        {
            var start = new byte[4];
            int got = ReadUpTo(stream, start, 0, 4);
            if (got < 4) throw Invalid(path, $"it has {Wording.Count(got, "byte")}, fewer than an IDX header");
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
            if (ReadUpTo(stream, sizes, 0, sizes.Length) < sizes.Length) throw Invalid(path, "it ends inside its header");
            var dimensions = new int[rank];
            for (int d = 0; d < rank; d++)
            {
                int i = 4 * d;
                long size = ((long)sizes[i] << 24) | ((long)sizes[i + 1] << 16) | ((long)sizes[i + 2] << 8) | sizes[i + 3];
                if (size == 0 || size > int.MaxValue) throw Invalid(path, $"dimension {d + 1} has size {size}");
                dimensions[d] = (int)size;
            }
            return new IdxFile(path, dimensions);
        }

        private static void ReadExactly(IdxFile file, Stream stream, byte[] buffer, int offset, int count)
        {
            if (ReadUpTo(stream, buffer, offset, count) < count)
            {
                throw Invalid(file.Path, $"it is truncated: its header says {string.Join(" x ", file.Dimensions)} values, and it ends before them");
            }
        }

        private static int ReadUpTo(Stream stream, byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count)
            {
                int n = stream.Read(buffer, offset + total, count - total);
                if (n == 0) break;
                total += n;
            }
            return total;
        }

        private static BackpropException Invalid(string path, string why) =>
            new BackpropException("InvalidIdxFile", BackpropErrorKind.InvalidData, $"'{path}' is not a valid IDX file: {why}.");
    }
}
