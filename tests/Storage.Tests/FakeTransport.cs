using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GuanGong.Storage.Tests;

/// <summary>A transport that never touches the network: records each request's headers and answers with a fixed status.</summary>
internal sealed class FakeTransport(int status = 200, bool record = true) : HttpPipelineTransport
{
    public List<(string Method, Uri Uri, Dictionary<string, string> Headers)> Requests { get; } = [];

    public override Request CreateRequest() => new FakeRequest();

    public override void Process(HttpMessage message) => Answer(message);

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        Answer(message);
        return ValueTask.CompletedTask;
    }

    private void Answer(HttpMessage message)
    {
        if (record)
        {
            Record(message);
        }

        message.Response = new FakeResponse(status);
    }

    private void Record(HttpMessage message)
    {
        lock (Requests)
        {
            Requests.Add((message.Request.Method.Method, message.Request.Uri.ToUri(), message.Request.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase)));
        }
    }

    private sealed class FakeRequest : Request
    {
        private readonly Dictionary<string, List<string>> _headers = new(StringComparer.OrdinalIgnoreCase);

        public override string ClientRequestId { get; set; } = Guid.NewGuid().ToString();

        public override void Dispose()
        {
        }

        protected override void AddHeader(string name, string value)
        {
            if (!_headers.TryGetValue(name, out var values))
            {
                _headers[name] = values = [];
            }

            values.Add(value);
        }

        protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, string.Join(",", h.Value)));

        protected override bool RemoveHeader(string name) => _headers.Remove(name);

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = _headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;
            return value is not null;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = _headers.TryGetValue(name, out var list) ? list : null;
            return values is not null;
        }
    }

    private sealed class FakeResponse(int status) : Response
    {
        public override int Status => status;

        public override string ReasonPhrase => "Fake";

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = string.Empty;

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
