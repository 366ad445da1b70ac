namespace OiTracker.Cli;

/// <summary>The process exit codes, from BSD sysexits.h so scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>EX_USAGE: the command line is wrong.</summary>
    public const int Usage = 64;

    /// <summary>EX_DATAERR: the tape had rows that could not be read (they were skipped; the report was still printed).</summary>
    public const int DataError = 65;

    /// <summary>EX_NOINPUT: the tape file cannot be opened.</summary>
    public const int NoInput = 66;

    /// <summary>EX_CANTCREAT: an output file (chart, generated tape) cannot be written.</summary>
    public const int CannotCreate = 73;

    /// <summary>EX_CONFIG: the configuration is invalid; every problem was listed on stderr and nothing traded.</summary>
    public const int Configuration = 78;
}
