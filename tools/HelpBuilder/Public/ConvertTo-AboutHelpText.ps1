function ConvertTo-AboutHelpText {
    <#
    .SYNOPSIS
        Converts an about_*.md topic into the about_*.help.txt text that Get-Help reads.
    .DESCRIPTION
        Returns the full path of the written file.
    .EXAMPLE
        ConvertTo-AboutHelpText -Path docs/en-US/about_Thing.md -OutputPath out/en-US/about_Thing.help.txt
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string]$Path,

        [Parameter(Mandatory)]
        [string]$OutputPath
    )
    try {
        $source = @(Resolve-InputFile $Path)
        if ($source.Count -ne 1) { throw [System.IO.InvalidDataException]::new("-Path '$Path' must name exactly one about_*.md file.") }
        $source = $source[0]
        $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)
        Write-FileAtomically -Path $target -Bytes (Get-AboutBytesFromFile $source)
    }
    catch { $PSCmdlet.ThrowTerminatingError((New-HelpBuilderErrorRecord $_)) }
}
