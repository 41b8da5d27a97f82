using System.Security.Cryptography;

namespace GuanGong.Storage.Blobs;

/// <summary>
/// A read-only pass-through that hashes what it hands out and, at the end of the stream, compares
/// the MD5 with the blob's stored Content-MD5 — so a streaming download is checked without holding
/// the content in memory.
/// </summary>
internal sealed class Md5CheckingStream(Stream inner, byte[] expected) : Stream
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
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
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
        else if (read == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if (!_md5.GetHashAndReset().AsSpan().SequenceEqual(expected))
            {
                throw new InvalidDataException("The downloaded content failed its Content-MD5 check: the bytes are not the ones stored.");
            }
        }

        return read;
    }
}
