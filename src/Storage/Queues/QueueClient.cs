using System.Globalization;
using System.Text;
using System.Xml;
using Azure;
using Azure.Core;
using GuanGong.Storage.Queues.Models;

namespace GuanGong.Storage.Queues;

/// <summary>
/// One queue: send, receive, update visibility, delete, peek, approximate length. Mirrors
/// <c>Azure.Storage.Queues.QueueClient</c>. Messages are base64 UTF-8 on the wire by default
/// (<see cref="QueueClientOptions.MessageEncoding"/>).
/// </summary>
public sealed class QueueClient
{
    /// <summary>The service returns at most 32 messages per receive or peek.</summary>
    public const int MaxMessagesPerReceive = 32;

    /// <summary>A message's encoded text is at most 64 KiB.</summary>
    public const int MessageMaxBytes = 64 * 1024;

    /// <summary>A message cannot stay invisible for more than 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true };

    private readonly StorageClientContext _context;
    private readonly QueueMessageEncoding _encoding;
    private readonly string _escapedName;

    /// <summary>A client for queue <paramref name="queueName"/> in the account of <paramref name="connectionString"/>.</summary>
    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
        : this(new QueueServiceClient(connectionString, options).GetQueueClient(queueName))
    {
    }

    /// <summary>A client for the queue at <paramref name="queueUri"/>, signing with the account key.</summary>
    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(FromUri(queueUri, endpoint => new QueueServiceClient(endpoint, credential, options)))
    {
    }

    /// <summary>A client for the queue at <paramref name="queueUri"/> with an Entra ID token (e.g. managed identity).</summary>
    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(FromUri(queueUri, endpoint => new QueueServiceClient(endpoint, credential, options)))
    {
    }

    internal QueueClient(StorageClientContext context, string queueName, QueueMessageEncoding encoding)
    {
        StorageNames.ValidateLowerCaseName(queueName, "queue", nameof(queueName));
        _context = context;
        _encoding = encoding;
        Name = queueName;
        _escapedName = Uri.EscapeDataString(queueName);
    }

    private QueueClient(QueueClient other)
    {
        _context = other._context;
        _encoding = other._encoding;
        Name = other.Name;
        _escapedName = other._escapedName;
    }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>The account name.</summary>
    public string AccountName => _context.AccountName;

    /// <summary>The queue's URI.</summary>
    public Uri Uri => StorageUriParts.Append(_context.Endpoint, Name);

    /// <summary>Creates the queue; throws 409 <c>QueueAlreadyExists</c> if it exists with other metadata.</summary>
    public async Task<Response> CreateAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateQueueMessage(metadata);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the queue unless it exists.</summary>
    public async Task<Response> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateQueueMessage(metadata);
        return await _context.SendAsync(message, cancellationToken, expected: 409).ConfigureAwait(false);
    }

    /// <summary>Deletes the queue; throws 404 <c>QueueNotFound</c> if missing.</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, _escapedName, "DeleteQueue");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the queue if it exists; the value says whether it did.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, _escapedName, "DeleteQueue");
        var response = await _context.SendAsync(message, cancellationToken, expected: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>Whether the queue exists.</summary>
    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = PropertiesMessage();
        var response = await _context.SendAsync(message, cancellationToken, expected: 404).ConfigureAwait(false);
        return Response.FromValue(response.Status != 404, response);
    }

    /// <summary>The approximate message count and metadata.</summary>
    public async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = PropertiesMessage();
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var count = int.Parse(StorageHeaders.Get(response, "x-ms-approximate-messages-count") ?? "0", CultureInfo.InvariantCulture);
        return Response.FromValue(new QueueProperties(count, StorageHeaders.ReadMetadata(response)), response);
    }

    /// <summary>Sends a message.</summary>
    public Task<Response<SendReceipt>> SendMessageAsync(string messageText, CancellationToken cancellationToken) =>
        SendMessageAsync(messageText, null, null, cancellationToken);

    /// <summary>
    /// Sends a message, invisible for <paramref name="visibilityTimeout"/> (0 to 7 days, less than
    /// the time to live) and kept for <paramref name="timeToLive"/> (default 7 days; negative or
    /// <see cref="Timeout.InfiniteTimeSpan"/> for never expiring).
    /// </summary>
    public Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        return SendCoreAsync(EncodeText(messageText), visibilityTimeout, timeToLive, cancellationToken);
    }

    /// <summary>Sends a binary message (requires <see cref="QueueMessageEncoding.Base64"/>).</summary>
    public Task<Response<SendReceipt>> SendMessageAsync(BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendCoreAsync(EncodeBinary(message), visibilityTimeout, timeToLive, cancellationToken);
    }

    /// <summary>Receives up to 32 messages (default 1), hiding them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ValidateMaxMessages(maxMessages);
        using var message = _context.CreateMessage(RequestMethod.Get, _escapedName + "/messages", "GetMessages");
        if (maxMessages is not null)
        {
            message.Request.Uri.AppendQuery("numofmessages", maxMessages.Value.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        if (visibilityTimeout is not null)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout.Value, nameof(visibilityTimeout), 1), escapeValue: false);
        }

        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var messages = ReadMessages(response).Select(m => new QueueMessage(
            m.Id, m.PopReceipt!, m.Body, m.DequeueCount, m.NextVisible, m.Inserted, m.Expires)).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Receives up to 32 messages (default 1).</summary>
    public Task<Response<QueueMessage[]>> ReceiveMessagesAsync(CancellationToken cancellationToken) =>
        ReceiveMessagesAsync(null, null, cancellationToken);

    /// <summary>Receives one message, or a null value when the queue has none visible.</summary>
    public async Task<Response<QueueMessage?>> ReceiveMessageAsync(TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var response = await ReceiveMessagesAsync(1, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault(), response.GetRawResponse());
    }

    /// <summary>Looks at up to 32 messages (default 1) without receiving them.</summary>
    public async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        ValidateMaxMessages(maxMessages);
        using var message = _context.CreateMessage(RequestMethod.Get, _escapedName + "/messages", "PeekMessages");
        message.Request.Uri.AppendQuery("peekonly", "true", escapeValue: false);
        if (maxMessages is not null)
        {
            message.Request.Uri.AppendQuery("numofmessages", maxMessages.Value.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var messages = ReadMessages(response).Select(m => new PeekedMessage(m.Id, m.Body, m.DequeueCount, m.Inserted, m.Expires)).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>
    /// Changes a received message's visibility (and its text, when <paramref name="messageText"/> is
    /// not null). Returns a new pop receipt; the old one no longer works. Throws 400
    /// <c>PopReceiptMismatch</c> for a stale receipt, 404 <c>MessageNotFound</c> for a deleted message.
    /// </summary>
    public async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, string? messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _context.CreateMessage(RequestMethod.Put, _escapedName + "/messages/" + Uri.EscapeDataString(messageId), "UpdateMessage");
        message.Request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout, nameof(visibilityTimeout), 0), escapeValue: false);
        if (messageText is not null)
        {
            SetMessageBody(message.Request, EncodeText(messageText));
        }

        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var receipt = new UpdateReceipt(
            StorageHeaders.Get(response, "x-ms-popreceipt") ?? string.Empty,
            StorageHeaders.ParseRfc1123(StorageHeaders.Get(response, "x-ms-time-next-visible")) ?? default);
        return Response.FromValue(receipt, response);
    }

    /// <summary>Deletes a received message. Throws 400 <c>PopReceiptMismatch</c> if the pop receipt is stale, 404 <c>MessageNotFound</c> if it is gone.</summary>
    public async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _context.CreateMessage(RequestMethod.Delete, _escapedName + "/messages/" + Uri.EscapeDataString(messageId), "DeleteMessage");
        message.Request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every message in the queue.</summary>
    public async Task<Response> ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, _escapedName + "/messages", "ClearMessages");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Response<SendReceipt>> SendCoreAsync(string encoded, TimeSpan? visibilityTimeout, TimeSpan? timeToLive, CancellationToken cancellationToken)
    {
        if (visibilityTimeout is { } visibility && timeToLive is { } ttl && ttl > TimeSpan.Zero && visibility >= ttl)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibility, "The visibility timeout must be shorter than the time to live.");
        }

        using var message = _context.CreateMessage(RequestMethod.Post, _escapedName + "/messages", "PutMessage");
        if (visibilityTimeout is not null)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout.Value, nameof(visibilityTimeout), 0), escapeValue: false);
        }

        if (timeToLive is { } timeToLiveValue)
        {
            var text = timeToLiveValue < TimeSpan.Zero ? "-1" : ((long)timeToLiveValue.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            if (text == "0")
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "The time to live must be at least one second (or negative for never).");
            }

            message.Request.Uri.AppendQuery("messagettl", text, escapeValue: false);
        }

        SetMessageBody(message.Request, encoded);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var sent = ReadMessages(response).FirstOrDefault()
            ?? throw new RequestFailedException(response.Status, "The service's reply to Put Message held no message.");
        return Response.FromValue(new SendReceipt(sent.Id, sent.Inserted ?? default, sent.Expires ?? default, sent.PopReceipt ?? string.Empty, sent.NextVisible ?? default), response);
    }

    private HttpMessage CreateQueueMessage(IDictionary<string, string>? metadata)
    {
        var message = _context.CreateMessage(RequestMethod.Put, _escapedName, "CreateQueue");
        StorageHeaders.ApplyMetadata(message.Request, metadata);
        return message;
    }

    private HttpMessage PropertiesMessage()
    {
        var message = _context.CreateMessage(RequestMethod.Get, _escapedName, "GetQueueMetadata");
        message.Request.Uri.AppendQuery("comp", "metadata", escapeValue: false);
        return message;
    }

    private static void SetMessageBody(Request request, string encoded)
    {
        var xml = string.Concat("<QueueMessage><MessageText>", encoded, "</MessageText></QueueMessage>");
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/xml");
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml));
    }

    private string EncodeText(string text) => _encoding == QueueMessageEncoding.Base64
        ? CheckSize(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)))
        : CheckSize(EscapeXml(text));

    private string EncodeBinary(BinaryData data) => _encoding == QueueMessageEncoding.Base64
        ? CheckSize(Convert.ToBase64String(data.ToMemory().Span))
        : CheckSize(EscapeXml(data.ToString()));

    private BinaryData Decode(string text)
    {
        if (_encoding == QueueMessageEncoding.Base64)
        {
            try
            {
                return new BinaryData(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                // Written by a client that did not encode: hand the text back as it is.
                return BinaryData.FromString(text);
            }
        }

        return BinaryData.FromString(text);
    }

    private static string CheckSize(string encoded)
    {
        var bytes = Encoding.UTF8.GetByteCount(encoded);
        return bytes <= MessageMaxBytes
            ? encoded
            : throw new ArgumentException($"The encoded message is {bytes} bytes; a queue message holds at most {MessageMaxBytes}. Put large payloads in a blob and send a reference.", "messageText");
    }

    private static string EscapeXml(string text)
    {
        foreach (var c in text)
        {
            if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))
            {
                continue;
            }

            throw new ArgumentException($"The message holds U+{(int)c:X4}, which XML cannot carry; use QueueMessageEncoding.Base64.", "messageText");
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    private List<WireMessage> ReadMessages(Response response)
    {
        var result = new List<WireMessage>();
        using var stream = response.Content.ToStream();
        using var reader = XmlReader.Create(stream, ReaderSettings);
        WireMessage? current = null;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.Depth, reader.LocalName)
            {
                case (1, "QueueMessage"):
                    current = new WireMessage();
                    result.Add(current);
                    reader.Read();
                    continue;
                case (2, _) when current is not null:
                    var name = reader.LocalName;
                    var value = reader.ReadElementContentAsString();
                    current.Set(name, value, this);
                    continue;
                default:
                    reader.Read();
                    continue;
            }
        }

        return result;
    }

    private static string Seconds(TimeSpan value, string paramName, int minimum)
    {
        if (value < TimeSpan.FromSeconds(minimum) || value > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"A visibility timeout is {minimum} s to 7 days.");
        }

        return ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    private static void ValidateMaxMessages(int? maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerReceive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"Receive or peek 1 to {MaxMessagesPerReceive} messages.");
        }
    }

    private static QueueClient FromUri(Uri queueUri, Func<Uri, QueueServiceClient> service)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        var (endpoint, segments) = StorageUriParts.Split(queueUri);
        if (segments.Length != 1)
        {
            throw new ArgumentException($"'{queueUri}' is not a queue URI.", nameof(queueUri));
        }

        return service(endpoint).GetQueueClient(segments[0]);
    }

    /// <summary>One <c>&lt;QueueMessage&gt;</c> element of a reply.</summary>
    private sealed class WireMessage
    {
        public string Id { get; private set; } = string.Empty;

        public string? PopReceipt { get; private set; }

        public BinaryData Body { get; private set; } = BinaryData.Empty;

        public long DequeueCount { get; private set; }

        public DateTimeOffset? Inserted { get; private set; }

        public DateTimeOffset? Expires { get; private set; }

        public DateTimeOffset? NextVisible { get; private set; }

        public void Set(string name, string value, QueueClient client)
        {
            switch (name)
            {
                case "MessageId":
                    Id = value;
                    break;
                case "PopReceipt":
                    PopReceipt = value;
                    break;
                case "MessageText":
                    Body = client.Decode(value);
                    break;
                case "DequeueCount":
                    DequeueCount = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "InsertionTime":
                    Inserted = StorageHeaders.ParseRfc1123(value);
                    break;
                case "ExpirationTime":
                    Expires = StorageHeaders.ParseRfc1123(value);
                    break;
                case "TimeNextVisible":
                    NextVisible = StorageHeaders.ParseRfc1123(value);
                    break;
                default:
                    break;
            }
        }
    }
}
