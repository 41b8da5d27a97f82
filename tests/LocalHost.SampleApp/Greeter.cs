namespace GuanGong.LocalHost.SampleApp;

/// <summary>A singleton whose text comes from configuration (local.settings.json in local runs).</summary>
public sealed class Greeter(string greeting)
{
    public string Greet(string name) => $"{greeting}, {name}";
}
