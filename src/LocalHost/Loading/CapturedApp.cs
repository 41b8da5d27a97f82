using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GuanGong.LocalHost.Loading;

/// <summary>The app's host as its Program.cs built it (never started by its own Run), and its service registrations.</summary>
internal sealed record CapturedApp(IHost Host, IReadOnlyList<ServiceDescriptor> Services);
