using System;
using System.IO;
using System.IO.Compression;

namespace BackpropPS.Core.Training
{
    /// <summary>
    /// One IDX file, the format of MNIST and Fashion-MNIST: two zero bytes, a type byte (0x08 for unsigned
    /// bytes, the only type those sets use), the number of dimensions, each dimension as a big-endian 32-bit
    /// integer, then the values row by row. Read whole, gzipped or not (told by the content, not the name).
    /// </summary>
    public sealed class IdxFile
    {
        private const byte UnsignedByte = 0x08;

        private IdxFile(string path, int[] dimensions, byte[] values, int offset)
        {
            Path = path;
            Dimensions = dimensions;
            _values = values;
            _offset = offset;
        }

        private readonly byte[] _values;
        private readonly int _offset;

        /// <summary>The file it was read from.</summary>
        public string Path { get; }

        /// <summary>The size of each dimension: [count] for labels, [count, rows, columns] for images.</summary>
        public int[] Dimensions { get; }

        /// <summary>The number of items (the first dimension).</summary>
        public int Count => Dimensions[0];

        /// <summary>The value at flat position <paramref name="index"/>.</summary>
        public byte this[long index] => _values[_offset + index];

        /// <summary>The values as doubles divided by <paramref name="scale"/>, one row per item.</summary>
        public Matrix ToMatrix(double scale)
        {
            int width = 1;
            for (int d = 1; d < Dimensions.Length; d++) width *= Dimensions[d];
            var data = new double[(long)Count * width];
            // A table of the 256 possible values keeps the conversion a load and a store per pixel; each is
            // the correctly rounded v / scale, as x / 255 gives elsewhere.
            var table = new double[256];
            for (int v = 0; v < 256; v++) table[v] = v / scale;
            for (long i = 0; i < data.LongLength; i++) data[i] = table[_values[_offset + i]];
            return Matrix.Wrap(Count, width, data);
        }

        /// <summary>Reads and checks <paramref name="path"/>; a file that is not whole, valid IDX is an InvalidIdxFile error.</summary>
        public static IdxFile Read(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
                if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b) bytes = Gunzip(bytes);
            }
            catch (Exception e) when (e is InvalidDataException || e is EndOfStreamException)
            {
                throw Invalid(path, $"it is not a valid gzip file ({e.Message})");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new BackpropException("DatasetReadFailed", BackpropErrorKind.InvalidData, $"Could not read '{path}': {e.Message}", e);
            }
            return Parse(path, bytes);
        }

        /// <summary>Checks the header and the length of IDX content already in memory.</summary>
        public static IdxFile Parse(string path, byte[] bytes)
        {
            if (bytes.Length < 4) throw Invalid(path, $"it has {Wording.Count(bytes.Length, "byte")}, fewer than an IDX header");
            if (bytes[0] != 0 || bytes[1] != 0)
            {
                throw Invalid(path, $"it does not start with the IDX magic number (two zero bytes); got 0x{bytes[0]:x2}{bytes[1]:x2}");
            }
            if (bytes[2] != UnsignedByte)
            {
                throw Invalid(path, $"its values are of IDX type 0x{bytes[2]:x2}; expected 0x08 (unsigned bytes), as in MNIST and Fashion-MNIST");
            }
            int rank = bytes[3];
            if (rank < 1 || rank > 3) throw Invalid(path, $"it has {rank} dimensions; expected 1 (labels) to 3 (images)");
            int header = 4 + 4 * rank;
            if (bytes.Length < header) throw Invalid(path, $"it ends inside its header ({Wording.Count(bytes.Length, "byte")})");
            var dimensions = new int[rank];
            long expected = 1;
            for (int d = 0; d < rank; d++)
            {
                int i = 4 + 4 * d;
                long size = ((long)bytes[i] << 24) | ((long)bytes[i + 1] << 16) | ((long)bytes[i + 2] << 8) | bytes[i + 3];
                if (size == 0 || size > int.MaxValue) throw Invalid(path, $"dimension {d + 1} has size {size}");
                dimensions[d] = (int)size;
                expected *= size;
            }
            long actual = bytes.LongLength - header;
            if (actual != expected)
            {
                string dims = string.Join(" x ", dimensions);
                throw Invalid(path, actual < expected
                    ? $"it is truncated: its header says {dims} = {Wording.Number(expected)} values, but only {Wording.Number(actual)} follow"
                    : $"it has {Wording.Number(actual - expected)} bytes more than its header ({dims}) says");
            }
            return new IdxFile(path, dimensions, bytes, header);
        }

        private static byte[] Gunzip(byte[] compressed)
        {
            // The gzip trailer holds the uncompressed size (mod 4 GiB): a right-sized buffer, no regrowth.
            int hint = compressed.Length >= 18 ? BitConverter.ToInt32(compressed, compressed.Length - 4) : 0;
            using (var output = new MemoryStream(hint > 0 ? hint : compressed.Length * 4))
            using (var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress))
            {
                gzip.CopyTo(output, 1 << 20);
                return output.Length == output.Capacity ? output.GetBuffer() : output.ToArray();
            }
        }

        private static BackpropException Invalid(string path, string why) =>
            new BackpropException("InvalidIdxFile", BackpropErrorKind.InvalidData, $"'{path}' is not a valid IDX file: {why}.");
    }
}
