using System.Security.Cryptography;

namespace GuanGong.Storage.Tests;

/// <summary>
/// A non-seekable stream of deterministic pseudo-random bytes, produced on demand: lets a test
/// upload 64 MB without holding 64 MB, and know the content's MD5 without storing it.
/// </summary>
internal sealed class GeneratedStream(long length, int seed = 1) : Stream
{
    private long _position;
    private uint _state = (uint)seed * 2654435761u | 1u;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The MD5 of the whole content, computed by generating it once more in chunks.</summary>
    public static byte[] Md5Of(long length, int seed = 1)
    {
        using var stream = new GeneratedStream(length, seed);
        return MD5.HashData(stream);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            // xorshift32: cheap, deterministic, not compressible.
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            buffer[i] = (byte)_state;
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
