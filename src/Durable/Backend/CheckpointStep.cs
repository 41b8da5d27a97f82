namespace GuanGong.Durable;

/// <summary>The points of a checkpoint (and of an activity's reply) where a fault can be injected to prove crash safety.</summary>
public enum CheckpointStep
{
    /// <summary>The episode has run; nothing is written yet.</summary>
    BeforeHistoryWrite,

    /// <summary>History and status are written; no message is sent.</summary>
    AfterHistoryWrite,

    /// <summary>About to send the outbox.</summary>
    BeforeSend,

    /// <summary>The outbox is sent; the consumed messages are not deleted.</summary>
    AfterSend,

    /// <summary>About to delete the consumed messages.</summary>
    BeforeDelete,

    /// <summary>An activity ran; its result is not sent yet.</summary>
    BeforeActivityResultSend,
}
