namespace TgeSwarm.Runtime.Serialization;

public ref partial struct SwarmReader
{
    /// <summary>
    /// Skips the payload of a field whose header was just read, nested objects included. Iterative, so hostile
    /// nesting cannot overflow the stack. This is the whole of version tolerance on the reading side: a member the
    /// reader does not know is skipped, a member it knows but does not find keeps its default.
    /// </summary>
    public void SkipField(WireType wireType)
    {
        var depth = 0;
        while (true)
        {
            switch (wireType)
            {
                case WireType.VarInt:
                    ReadVarUInt64();
                    break;
                case WireType.Fixed32:
                    ReadRaw(4);
                    break;
                case WireType.Fixed64:
                    ReadRaw(8);
                    break;
                case WireType.LengthPrefixed:
                    ReadLengthPrefixed();
                    break;
                case WireType.StartObject:
                    depth++;
                    break;
                case WireType.TypedObject:
                    ReadLengthPrefixed();
                    depth++;
                    break;
                case WireType.EndObject:
                    if (depth == 0)
                    {
                        throw Malformed("an end-of-object marker with no object open");
                    }

                    depth--;
                    break;
                case WireType.Null:
                    break;
                default:
                    throw Malformed($"unknown wire type {(int)wireType}");
            }

            if (depth == 0)
            {
                return;
            }

            if (!TryReadFieldHeader(out _, out wireType))
            {
                throw Truncated("the end of a skipped object");
            }
        }
    }

    /// <summary>Skips the remaining members of an object up to and including its end marker.</summary>
    public void SkipToEndOfObject()
    {
        while (TryReadMember(out _, out var wireType))
        {
            SkipField(wireType);
        }
    }
}
