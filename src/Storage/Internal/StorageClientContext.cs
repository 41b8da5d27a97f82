using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GuanGong.Storage;

/// <summary>
/// What a service client and every child client it hands out share: one <see cref="HttpPipeline"/>
/// (built once per service client), the service endpoint, the account and the credential.
/// </summary>
internal sealed class StorageClientContext
{
    private const string StorageScope = "https://storage.azure.com/.default";

    private StorageClientContext(HttpPipeline pipeline, Uri endpoint, string accountName, StorageSharedKeyCredential? sharedKey, string service, string version, TimeProvider time)
    {
        Pipeline = pipeline;
        Endpoint = endpoint;
        AccountName = accountName;
        SharedKey = sharedKey;
        Service = service;
        Version = version;
        Time = time;
    }

    public HttpPipeline Pipeline { get; }

    /// <summary>The service endpoint, without a trailing slash (path-style on Azurite: <c>…/devstoreaccount1</c>).</summary>
    public Uri Endpoint { get; }

    public string AccountName { get; }

    public StorageSharedKeyCredential? SharedKey { get; }

    public string Service { get; }

    public string Version { get; }

    public TimeProvider Time { get; }

    public static StorageClientContext Create(Uri endpoint, StorageSharedKeyCredential? sharedKey, TokenCredential? token, StorageClientOptions options, string service, string version, string? sasQuery = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        var perCall = new List<HttpPipelinePolicy>(1);
        if (!string.IsNullOrEmpty(sasQuery))
        {
            perCall.Add(new SasQueryPolicy(sasQuery));
        }

        var perRetry = new List<HttpPipelinePolicy>(2);
        if (sharedKey is not null)
        {
            perRetry.Add(new SharedKeyPolicy(sharedKey, options.TimeProvider, lite: service == "Table"));
        }
        else
        {
            perRetry.Add(new DatePolicy(options.TimeProvider));
            if (token is not null)
            {
                perRetry.Add(new BearerTokenAuthenticationPolicy(token, StorageScope));
            }
        }

        if (options.RequestCounter is not null)
        {
            perRetry.Add(options.RequestCounter);
        }

        var pipeline = HttpPipelineBuilder.Build(options, [.. perCall], [.. perRetry], new ResponseClassifier());
        var trimmed = new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        var account = sharedKey?.AccountName ?? StorageUriParts.AccountNameOf(trimmed);
        return new StorageClientContext(pipeline, trimmed, account, sharedKey, service, version, options.TimeProvider);
    }

    /// <summary>A request to <paramref name="relativePath"/> (already escaped) under the endpoint, tagged for the request counter.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string relativePath, string operation)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        if (relativePath.Length > 0)
        {
            request.Uri.AppendPath("/", escape: false);
            request.Uri.AppendPath(relativePath, escape: false);
        }

        request.Headers.SetValue(StorageHeaders.Version, Version);
        message.SetProperty(StorageRequestCounter.TagProperty, new StorageOperationKey(Service, operation));
        return message;
    }

    /// <summary>Sends and returns the response, throwing <see cref="RequestFailedException"/> unless the status is 2xx or <paramref name="expected"/> (e.g. 404 for "if exists").</summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, int expected = 0)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status is >= 200 and < 300 || (expected != 0 && response.Status == expected))
        {
            return response;
        }

        if (!message.BufferResponse && response.ContentStream is { } stream)
        {
            // Streaming requests skip buffering; the error body must be read before it is parsed.
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            response.ContentStream = buffer;
        }

        throw StorageErrorParser.CreateException(response);
    }

    /// <summary>Sets <c>x-ms-date</c> for requests that are not signed with the account key.</summary>
    private sealed class DatePolicy(TimeProvider time) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            message.Request.Headers.SetValue(StorageHeaders.Date, StorageHeaders.FormatRfc1123(time.GetUtcNow()));
    }

    /// <summary>Appends a SAS token to every request of a client created from a SAS URI.</summary>
    private sealed class SasQueryPolicy(string sas) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var uri = message.Request.Uri;
            uri.Query = string.IsNullOrEmpty(uri.Query) ? "?" + sas : uri.Query + "&" + sas;
        }
    }
}
