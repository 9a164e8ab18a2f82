namespace MppIntegrationHub.Contracts.Citizens;

/// <summary>Civil status (Dukcapil STATUS_KAWIN).</summary>
public enum CivilStatus
{
    /// <summary>BELUM KAWIN.</summary>
    Unmarried,

    /// <summary>KAWIN.</summary>
    Married,

    /// <summary>CERAI HIDUP.</summary>
    Divorced,

    /// <summary>CERAI MATI.</summary>
    Widowed,
}

/// <summary>Religion as recorded on the e-KTP (AGAMA), including belief in God Almighty (Kepercayaan).</summary>
public enum Religion
{
    Islam,
    Protestant,
    Catholic,
    Hindu,
    Buddhist,
    Confucian,
    Belief,
}

/// <summary>Highest education attained (PDDK_AKH).</summary>
public enum Education
{
    /// <summary>TIDAK/BELUM SEKOLAH.</summary>
    None,

    /// <summary>BELUM TAMAT SD/SEDERAJAT.</summary>
    PrimaryIncomplete,

    /// <summary>TAMAT SD/SEDERAJAT.</summary>
    Primary,

    /// <summary>SLTP/SEDERAJAT.</summary>
    JuniorSecondary,

    /// <summary>SLTA/SEDERAJAT.</summary>
    SeniorSecondary,

    /// <summary>DIPLOMA I/II.</summary>
    DiplomaOneTwo,

    /// <summary>AKADEMI/DIPLOMA III/S. MUDA.</summary>
    DiplomaThree,

    /// <summary>DIPLOMA IV/STRATA I.</summary>
    Bachelor,

    /// <summary>STRATA II.</summary>
    Master,

    /// <summary>STRATA III.</summary>
    Doctorate,
}

/// <summary>Blood type (GOL_DARAH); Unknown is Dukcapil's TIDAK TAHU.</summary>
public enum BloodType
{
    A,
    B,
    AB,
    O,
    Unknown,
}

/// <summary>Relation to the head of family on the KK (STAT_HBKEL).</summary>
public enum FamilyRelation
{
    /// <summary>KEPALA KELUARGA.</summary>
    Head,

    /// <summary>SUAMI.</summary>
    Husband,

    /// <summary>ISTRI.</summary>
    Wife,

    /// <summary>ANAK.</summary>
    Child,

    /// <summary>MENANTU.</summary>
    ChildInLaw,

    /// <summary>CUCU.</summary>
    Grandchild,

    /// <summary>ORANG TUA.</summary>
    Parent,

    /// <summary>MERTUA.</summary>
    ParentInLaw,

    /// <summary>FAMILI LAIN.</summary>
    OtherRelative,

    /// <summary>LAINNYA.</summary>
    Other,
}
