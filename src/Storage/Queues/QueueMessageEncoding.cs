namespace GuanGong.Storage.Queues;

/// <summary>How message text travels inside the XML of the Queue protocol.</summary>
public enum QueueMessageEncoding
{
    /// <summary>As is (XML-escaped). The text must hold only characters XML allows.</summary>
    None,

    /// <summary>Base64 of the UTF-8 bytes: any payload is safe. (The default here; the SDK's default is <see cref="None"/>, so set it explicitly when swapping.)</summary>
    Base64,
}
