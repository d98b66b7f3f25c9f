namespace TgeSwarm.Runtime.Membership;

/// <summary>Rows read from the membership table, each with its etag, and the table version they were read at.</summary>
public sealed record MembershipTableData(IReadOnlyList<MembershipRow> Members, TableVersion Version)
{
    public MembershipRow? Find(SiloAddress silo)
    {
        foreach (var row in Members)
        {
            if (row.Entry.SiloAddress.Equals(silo))
            {
                return row;
            }
        }

        return null;
    }
}
