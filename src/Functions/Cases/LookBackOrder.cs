namespace GuanGong.Functions.Cases;

/// <summary>What a look-back orders for a passed unit whose check found faults.</summary>
public enum LookBackOrder
{
    /// <summary>限期整改: put the faults right by a deadline, resubmit, and be reviewed again at the verdict stage.</summary>
    Rectification,

    /// <summary>撤销: the unit loses its status at once.</summary>
    Revocation,
}
