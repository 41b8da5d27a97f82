using System.Security.Cryptography;
using Azure;
using GuanGong.Storage.Blobs.Models;
using Xunit.Abstractions;

namespace GuanGong.Storage.Tests.Blobs;

/// <summary>Measures allocations process-wide, so nothing else may run at the same time.</summary>
[CollectionDefinition(nameof(LargeUploadTests), DisableParallelization = true)]
public sealed class LargeUploadCollection;

[Collection(nameof(LargeUploadTests))]
public sealed class LargeUploadTests(ITestOutputHelper output)
{
    private const long Size = 64L * 1024 * 1024;

    [Fact]
    public async Task UploadAsync_64MBStream_AllocatesFarLessThanTheContent()
    {
        var (container, counter) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("large.bin");
        var coldBefore = GC.GetTotalAllocatedBytes(precise: true);
        await container.GetBlobClient("warm-up.bin").UploadAsync(new GeneratedStream(16L * 1024 * 1024, seed: 2)); // fills the buffer pool
        var cold = GC.GetTotalAllocatedBytes(precise: true) - coldBefore;
        counter.Reset();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var uploaded = await blob.UploadAsync(new GeneratedStream(Size));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapAfter = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        output.WriteLine($"16 MiB warm-up upload (buffer pool possibly cold): {cold / 1024.0 / 1024:F1} MiB allocated");
        output.WriteLine($"64 MiB upload: {allocated / 1024.0 / 1024:F1} MiB allocated, heap {heapBefore / 1024.0 / 1024:F1} -> {heapAfter / 1024.0 / 1024:F1} MiB, requests: {counter.Snapshot()}");
        Assert.True(allocated < 16L * 1024 * 1024, $"The upload allocated {allocated} bytes.");
        Assert.Equal(16, counter.Get("Blob", "PutBlock"));
        Assert.Equal(1, counter.Get("Blob", "PutBlockList"));

        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(Size, properties.ContentLength);
        Assert.Equal(GeneratedStream.Md5Of(Size), properties.ContentHash);
        Assert.Equal(GeneratedStream.Md5Of(Size), uploaded.Value.ContentHash);
        var tail = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(Size - 4096) });
        var expectedTail = new byte[4096];
        var source = new GeneratedStream(Size);
        var skip = new byte[1024 * 1024];
        for (long done = 0; done < Size - 4096;)
        {
            done += source.Read(skip, 0, (int)Math.Min(skip.Length, Size - 4096 - done));
        }

        source.ReadExactly(expectedTail);
        Assert.Equal(expectedTail, tail.Value.Content.ToArray());
    }

    [Fact]
    public async Task DownloadStreamingAsync_64MB_ChecksMd5WithoutBuffering()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("large.bin");
        await blob.UploadAsync(new GeneratedStream(Size, seed: 3));
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        using (var download = (await blob.DownloadStreamingAsync()).Value)
        {
            var hash = await MD5.HashDataAsync(download.Content);
            Assert.Equal(GeneratedStream.Md5Of(Size, seed: 3), hash);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"64 MiB streaming download: {allocated / 1024.0 / 1024:F1} MiB allocated");
        Assert.True(allocated < 16L * 1024 * 1024, $"The download allocated {allocated} bytes.");
    }
}
