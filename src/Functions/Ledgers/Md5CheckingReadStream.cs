using System.Security.Cryptography;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// A read-only pass-through over a blob download that hashes what it hands out and, at the end,
/// compares the MD5 with the blob's stored Content-MD5, so a streamed download is checked without
/// holding the file in memory. The SDK checks only per-request hashes of ranges up to 4 MiB.
/// </summary>
internal sealed class Md5CheckingReadStream(Stream inner, byte[] expected) : Stream
{
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private bool _checked;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Observe(buffer, inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Observe(buffer.Span, read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _md5.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Observe(Span<byte> buffer, int read)
    {
        if (read > 0)
        {
            _md5.AppendData(buffer[..read]);
        }
        else if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if (!_md5.GetHashAndReset().AsSpan().SequenceEqual(expected))
            {
                throw new InvalidDataException("The downloaded ledger failed its Content-MD5 check: the bytes are not the ones stored.");
            }
        }

        return read;
    }
}
