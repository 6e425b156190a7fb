namespace WorkPolicy.Benchmarks;

/// <summary>
/// The limit: Palopo's and Luwu Utara's mode logic of <see cref="PeerRules"/> written as plain C# over the same
/// flattened <see cref="Person"/> (string compares, exceptions first), as a programmer would hard-code it.
/// </summary>
internal static class HandWrittenRules
{
    public static string Decide(Person p) => p.Region switch
    {
        "kota-palopo" => p.DirectOrCritical || p.Agency is "dinkes" or "damkar" or "satpol-pp" || p.Kind is "rsud" or "puskesmas" or "pustu" ? "office" : "rotation",
        "kab-luwu-utara" => LuwuUtara(p),
        _ => "not-covered",
    };

    private static string LuwuUtara(Person p)
    {
        if (p.EssentialOrDirect || p.Agency == "rsud-andi-djemma" || p.Kind is "puskesmas" or "pustu") return "office";
        var asn = p.Employment is "pns" or "pppk";
        if (asn && p.Kind is "kecamatan" or "kelurahan") return "office";
        if (asn && !p.ItCapable) return "office";
        if (asn && p.Position == "pengawas") return "rotation";
        if (asn && p.Position == "pelaksana") return "rotation";
        if (p.Employment is "ptt" or "kontrak" or "honorer") return "rotation";
        return "office";
    }
}
