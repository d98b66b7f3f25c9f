namespace TgeSwarm.Feeds.Sources;

/// <summary>Why a body or an item was (partly) refused; counted per parse in <see cref="SourceParseResult.Problems"/>.</summary>
public enum SourceProblem
{
    /// <summary>The body is larger than <see cref="SourceParseSettings.MaxBodyBytes"/>; nothing was parsed.</summary>
    BodyTooLarge,

    /// <summary>The body is empty or only whitespace.</summary>
    EmptyBody,

    /// <summary>The declared charset is unknown; the body was read as UTF-8.</summary>
    UnknownEncoding,

    /// <summary>The XML is not well-formed; items before the fault are kept.</summary>
    MalformedXml,

    /// <summary>The XML has a DOCTYPE; DTDs are refused (entity expansion and external entities).</summary>
    DtdProhibited,

    /// <summary>The XML root is neither <c>rss</c> nor an Atom <c>feed</c>.</summary>
    UnexpectedRoot,

    /// <summary>The JSON is not well-formed; nothing was parsed.</summary>
    MalformedJson,

    /// <summary>The JSON is well-formed but not in the kind's shape.</summary>
    UnexpectedShape,

    /// <summary>The API answered with a non-success code in its body.</summary>
    ApiError,

    /// <summary>The source is an HTML page but no item/title selectors were configured.</summary>
    MissingSelectors,

    /// <summary>A configured CSS selector does not parse.</summary>
    InvalidSelector,

    /// <summary>An item had no usable title and was skipped.</summary>
    ItemWithoutTitle,

    /// <summary>An item's date did not parse; it was kept without one.</summary>
    BadDate,

    /// <summary>An item's link was not http(s) (e.g. <c>javascript:</c>) or not a URL; it was kept without one.</summary>
    BadLink,

    /// <summary>Script, style or embedded content was removed from an item's text.</summary>
    ScriptRemoved,

    /// <summary>An item's title or summary was cut to its bound.</summary>
    TextTruncated,

    /// <summary>More items than <see cref="SourceParseSettings.MaxItems"/>; the rest were dropped.</summary>
    TooManyItems,
}
