namespace BackpropPS.Core.Data
{
    /// <summary>
    /// The CRC-32 of gzip (RFC 1952: polynomial 0xEDB88320, reflected, starting and ending inverted), to check a gzip
    /// member's trailer. Slicing by four tables: about 1 GB/s, 0.04 s for Fashion-MNIST's 47 million pixels.
    /// </summary>
    internal sealed class Crc32
    {
        private static readonly uint[][] Tables = MakeTables();
        private uint _crc = 0xFFFFFFFF;

        /// <summary>The CRC of everything added so far.</summary>
        public uint Value => ~_crc;

        /// <summary>Adds <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public void Add(byte[] buffer, int offset, int count)
        {
            uint crc = _crc;
            uint[] t0 = Tables[0], t1 = Tables[1], t2 = Tables[2], t3 = Tables[3];
            int i = offset, end = offset + count;
            for (; i + 4 <= end; i += 4)
            {
                crc ^= (uint)(buffer[i] | buffer[i + 1] << 8 | buffer[i + 2] << 16 | buffer[i + 3] << 24);
                crc = t3[crc & 0xFF] ^ t2[(crc >> 8) & 0xFF] ^ t1[(crc >> 16) & 0xFF] ^ t0[crc >> 24];
            }
            for (; i < end; i++) crc = t0[(crc ^ buffer[i]) & 0xFF] ^ (crc >> 8);
            _crc = crc;
        }

        // Tables[0] is the classic byte table; Tables[k][b] is byte b followed by k zero bytes.
        private static uint[][] MakeTables()
        {
            var tables = new uint[4][];
            for (int k = 0; k < 4; k++) tables[k] = new uint[256];
            for (uint b = 0; b < 256; b++)
            {
                uint c = b;
                for (int bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                tables[0][b] = c;
            }
            for (int b = 0; b < 256; b++)
                for (int k = 1; k < 4; k++) tables[k][b] = tables[0][tables[k - 1][b] & 0xFF] ^ (tables[k - 1][b] >> 8);
            return tables;
        }
    }
}
