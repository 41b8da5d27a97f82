using GuanGong.LocalStack;
using Xunit;

namespace GuanGong.Testing;

/// <summary>
/// An Azurite with in-memory persistence on free loopback ports, started once per test assembly
/// (use it as a collection or class fixture, or through <see cref="SharedAzurite"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    /// <summary>The running emulator.</summary>
    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("The Azurite fixture has not started.");

    /// <summary>A connection string with explicit endpoints for this emulator.</summary>
    public string ConnectionString => Azurite.Endpoints.ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(new AzuriteOptions());

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
