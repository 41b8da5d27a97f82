using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GuanGong.Functions.Tests.Ledgers;

/// <summary>A 100 MB upload and download through the app: prints the time and memory each took; asserts only that they streamed.</summary>
public sealed class LedgerUploadFiguresTests(ITestOutputHelper output)
{
    private const long Size = 100L * 1024 * 1024;

    [Fact]
    public async Task Upload_100MegabytePdf_AndDownload_StreamWithBoundedMemory()
    {
        await using var app = await RunningApp.StartAsync(new Dictionary<string, string?>
        {
            ["GuanGong:AdminKey"] = SeededApp.AdminKey,
            ["GuanGong:Links:SigningKeys:Current"] = "figures:" + Convert.ToBase64String(new byte[32]),
            ["GuanGong:Ledgers:MaxBytes"] = (128L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var record = new CaseBuilder(TreeBuilder.Standard(), SeededApp.NewCampaignId(), 2026, TreeBuilder.Unit1).Build();
        Assert.True(await app.Services.GetRequiredService<CaseStore>().TryAddAsync(record, CancellationToken.None));
        using var source = new GeneratedPdfStream(Size);
        using var content = new StreamContent(source, 64 * 1024);
        content.Headers.ContentLength = Size;
        using var request = SeededApp.Request(HttpMethod.Put, LedgerUploadTests.UploadPath(record.CaseId, "leadership-agenda", "大文件.pdf"), adminKey: SeededApp.AdminKey, content: content);

        HttpResponseMessage? response = null;
        var upload = await MeasureAsync(async () => response = await app.Client.SendAsync(request));
        using var created = response!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal(Size, body.RootElement.GetProperty("length").GetInt64());
        Assert.Equal(source.Sha256(), body.RootElement.GetProperty("sha256").GetString());
        output.WriteLine($"100 MiB upload:   {upload}");
        Assert.True(upload.HeapGrowth < 64L * 1024 * 1024, $"upload: managed heap grew {upload.HeapGrowth} bytes");

        using var list = SeededApp.Request(HttpMethod.Get, $"/api/cases/{record.CaseId}/ledgers", adminKey: SeededApp.AdminKey);
        using var listed = JsonDocument.Parse(await (await app.Client.SendAsync(list)).Content.ReadAsStringAsync());
        var url = listed.RootElement.GetProperty("ledgers")[0].GetProperty("downloadUrl").GetString()!;
        var downloadedHash = string.Empty;
        var download = await MeasureAsync(async () =>
        {
            using var got = await app.Client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await got.Content.ReadAsStreamAsync();
            downloadedHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        });

        Assert.Equal(source.Sha256(), downloadedHash);
        output.WriteLine($"100 MiB download: {download}");
        Assert.True(download.HeapGrowth < 64L * 1024 * 1024, $"download: managed heap grew {download.HeapGrowth} bytes");
    }

    /// <summary>Runs <paramref name="action"/>, sampling the managed heap and the working set (this process: client and app) every 10 ms.</summary>
    private static async Task<Figures> MeasureAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var heapBefore = GC.GetTotalMemory(false);
        var workingSetBefore = process.WorkingSet64;
        using var sampling = new CancellationTokenSource();
        long heapPeak = heapBefore, workingSetPeak = workingSetBefore;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                workingSetPeak = Math.Max(workingSetPeak, process.WorkingSet64);
                await Task.Delay(10, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        await action();
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        return new Figures(clock.Elapsed, heapPeak - heapBefore, workingSetPeak - workingSetBefore);
    }

    private sealed record Figures(TimeSpan Elapsed, long HeapGrowth, long WorkingSetGrowth)
    {
        public override string ToString() =>
            $"{Elapsed.TotalSeconds:0.00} s ({Size / 1024.0 / 1024.0 / Elapsed.TotalSeconds:0.0} MiB/s); peak managed heap growth {HeapGrowth / 1024.0 / 1024.0:0.0} MiB; "
            + $"peak working-set growth {WorkingSetGrowth / 1024.0 / 1024.0:0.0} MiB (test process: client and app)";
    }

    /// <summary>A forward-only PDF-looking stream of any length, generated as it is read and hashed on the way.</summary>
    private sealed class GeneratedPdfStream(long length) : Stream
    {
        private static readonly byte[] Header = "%PDF-1.7\n"u8.ToArray();
        private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _position;
        private string? _hash;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        // HttpClient disposes the content once sent, so the hash is taken when the end is reached.
        public string Sha256() => _hash ?? throw new InvalidOperationException("Not read to the end.");

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < count; i++)
            {
                var at = _position + i;
                buffer[i] = at < Header.Length ? Header[at] : (byte)((at * 31) ^ (at >> 11));
            }

            _sha256.AppendData(buffer[..count]);
            _position += count;
            if (_position == length && _hash is null)
            {
                _hash = Convert.ToHexStringLower(_sha256.GetHashAndReset());
            }

            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

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
                _sha256.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
