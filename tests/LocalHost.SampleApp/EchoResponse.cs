namespace GuanGong.LocalHost.SampleApp;

public sealed record EchoResponse(string Text, int Times);
