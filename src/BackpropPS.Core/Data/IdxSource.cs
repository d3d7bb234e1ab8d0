using System.IO;
using System.IO.Compression;

namespace BackpropPS.Core.Data
{
    /// <summary>
    /// The bytes of an IDX file as its header counts them: the file itself, or what its one gzip member (RFC 1952)
    /// unpacks to. Gzip is told by the content (1f 8b), not the name. The file must be a regular file (checked
    /// before it is opened), and nothing may follow the data: <see cref="EnsureEnd"/> refuses bytes after the values,
    /// after the gzip member (a second member included), and a member whose CRC or length does not match.
    /// </summary>
    internal sealed class IdxSource : IDisposable
    {
        private const int BufferSize = 1 << 16;
        private const int TrailerSize = 8; // CRC-32 and the unpacked length mod 2^32, little-endian

        private readonly string _path;
        private readonly FileStream _file;
        private readonly MemberBody _body; // null for a plain file
        private readonly Stream _deflate; // null for a plain file
        private readonly Crc32 _crc;
        private long _unpacked;

        private IdxSource(string path, FileStream file, long length)
        {
            _path = path;
            _file = file;
            Length = length;
            if (!StartsWithGzipMagic(file)) return;
            IsGzip = true;
            long bodyStart = SkipGzipHeader();
            if (bodyStart > length - TrailerSize) throw Invalid(path, "it is gzip, and it ends before the gzip data does");
            _body = new MemberBody(file, length - TrailerSize);
            _crc = new Crc32();
            _deflate = new DeflateStream(_body, CompressionMode.Decompress);
        }

        /// <summary>The file's length in bytes.</summary>
        public long Length { get; }

        /// <summary>True when the file is gzipped.</summary>
        public bool IsGzip { get; }

        /// <summary>Opens <paramref name="path"/> after checking, unopened, that it is a regular file.</summary>
        public static IdxSource Open(string path)
        {
            RegularFile.Ensure(path);
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
            try
            {
                long length = file.Length; // of the file opened: a link's target
                // A header is at least 8 bytes.
                if (length < 8) throw Invalid(path, $"it has {Wording.Count((int)length, "byte")}, fewer than an IDX header");
                return new IdxSource(path, file, length);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        /// <summary>Reads up to <paramref name="count"/> bytes of the IDX content; fewer only where it ends.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count)
            {
                int n = IsGzip ? _deflate.Read(buffer, offset + total, count - total) : _file.Read(buffer, offset + total, count - total);
                if (n == 0) break;
                total += n;
            }
            _crc?.Add(buffer, offset, total);
            _unpacked += total;
            return total;
        }

        /// <summary>
        /// After the values the header declares (<paramref name="declared"/> bytes of content, header included):
        /// refuses anything after them, and checks the gzip member's end, CRC and length. For a file whose content
        /// ended early (<see cref="Read"/> gave fewer), says which: the gzip data is cut short or damaged, or the
        /// file holds fewer values than <paramref name="declaredText"/>.
        /// </summary>
        public void EnsureEnd(long declared, long headerBytes, string declaredText)
        {
            bool complete = _unpacked == declared;
            if (complete && (IsGzip ? _deflate.ReadByte() : _file.ReadByte()) >= 0)
            {
                throw Invalid(_path, $"it holds more values than the {declaredText} its header declares");
            }
            EnsureWhole();
            if (!complete)
            {
                throw Invalid(_path, $"it holds {Wording.Number(Math.Max(0, _unpacked - headerBytes))} values, fewer than the {declaredText} its header declares");
            }
        }

        /// <summary>
        /// For a gzip file whose content has ended: refuses bytes after the member (junk, or a second member), and
        /// deflate data cut short or damaged (the trailer's CRC or length does not match what was unpacked).
        /// </summary>
        public void EnsureWhole()
        {
            if (!IsGzip) return;
            // The deflate data ended before the last 8 bytes: something follows the member (see MemberBody).
            if (_body.Position < _body.End) throw Invalid(_path, "it goes on after the end of its gzip data (a gzip file of one member, as published, ends with its 8-byte trailer)");
            var trailer = new byte[TrailerSize];
            _file.Position = _body.End;
            if (_file.Read(trailer, 0, TrailerSize) != TrailerSize || LittleEndian(trailer, 0) != _crc.Value || LittleEndian(trailer, 4) != (uint)_unpacked)
            {
                throw Invalid(_path, "its gzip data is cut short or damaged (its CRC or length does not match its trailer)");
            }
        }

        private static uint LittleEndian(byte[] bytes, int at) =>
            (uint)(bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 | bytes[at + 3] << 24);

        public void Dispose()
        {
            _deflate?.Dispose();
            _file.Dispose();
        }

        private static bool StartsWithGzipMagic(FileStream file)
        {
            int b0 = file.ReadByte(), b1 = file.ReadByte();
            file.Position = 0;
            return b0 == 0x1f && b1 == 0x8b;
        }

        // The member header (RFC 1952, 2.3): magic, method 8 (deflate), flags, time, extra flags, system, then the
        // optional extra field, name, comment and header CRC. Returns where the deflate data starts.
        private long SkipGzipHeader()
        {
            var crc = new Crc32();
            byte[] fixedPart = ReadHeaderBytes(10, crc);
            if (fixedPart[2] != 8) throw Invalid(_path, $"its gzip compression method is {fixedPart[2]}; expected 8 (deflate)");
            int flags = fixedPart[3];
            if ((flags & 0xE0) != 0) throw Invalid(_path, $"its gzip header has reserved flags set (0x{flags:x2})");
            if ((flags & 0x04) != 0)
            {
                byte[] size = ReadHeaderBytes(2, crc);
                ReadHeaderBytes(size[0] | size[1] << 8, crc);
            }
            if ((flags & 0x08) != 0) SkipZeroTerminated(crc); // the original file name
            if ((flags & 0x10) != 0) SkipZeroTerminated(crc); // a comment
            if ((flags & 0x02) != 0)
            {
                uint expected = crc.Value & 0xFFFF;
                byte[] stored = ReadHeaderBytes(2, null);
                if ((stored[0] | stored[1] << 8) != expected) throw Invalid(_path, "its gzip header is damaged (its CRC does not match)");
            }
            return _file.Position;
        }

        private byte[] ReadHeaderBytes(int count, Crc32 crc)
        {
            var bytes = new byte[count];
            int got = 0, n;
            while (got < count && (n = _file.Read(bytes, got, count - got)) > 0) got += n;
            if (got < count) throw Invalid(_path, "it is gzip, and it ends inside its gzip header");
            crc?.Add(bytes, 0, count);
            return bytes;
        }

        private void SkipZeroTerminated(Crc32 crc)
        {
            var one = new byte[1];
            do
            {
                if (_file.Read(one, 0, 1) == 0) throw Invalid(_path, "it is gzip, and it ends inside its gzip header");
                crc.Add(one, 0, 1);
            }
            while (one[0] != 0);
        }

        internal static BackpropException Invalid(string path, string why) =>
            new BackpropException("InvalidIdxFile", BackpropErrorKind.InvalidData, $"'{path}' is not a valid IDX file: {why}.");

        /// <summary>
        /// The deflate data of the member, as the decompressor reads it: the file up to <see cref="End"/> (where the
        /// trailer should start), the last byte alone. The decompressor stops reading where the deflate data ends, so
        /// it has read to <see cref="End"/> exactly when the data ends there: any byte left unread, at whatever
        /// distance from the end, follows the data. Not seekable, so that the decompressor cannot move it.
        /// </summary>
        private sealed class MemberBody : Stream
        {
            private readonly Stream _file;

            public MemberBody(Stream file, long end)
            {
                _file = file;
                End = end;
            }

            public long End { get; }

            public override long Position
            {
                get => _file.Position;
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                long left = End - _file.Position;
                if (left <= 0 || count <= 0) return 0;
                // Up to the last byte in full reads; the last byte in a read of its own.
                int n = (int)Math.Min(count, left > 1 ? left - 1 : 1);
                return _file.Read(buffer, offset, n);
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
