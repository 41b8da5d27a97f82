namespace GuanGong.LocalHost.SampleApp;

public sealed record EchoRequest(string? Text, int Times);
