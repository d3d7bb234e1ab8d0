function ConvertTo-MamlHelp {
    <#
    .SYNOPSIS
        Converts platyPS 2.0.0-schema cmdlet pages into one MAML external help file.
    .DESCRIPTION
        Module pages (front matter with 'Module Guid') and about_*.md pages are skipped.
        The XML is built in memory and written in one step, so on error the target is untouched.
        Returns the full path of the written file.
    .EXAMPLE
        ConvertTo-MamlHelp -Path docs/en-US/Get-Thing.md -OutputPath out/en-US/MyModule.dll-Help.xml
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [Alias('FullName')]
        [string[]]$Path,

        [Parameter(Mandatory)]
        [string]$OutputPath
    )
    begin { $files = [System.Collections.Generic.List[string]]::new() }
    process {
        try { foreach ($p in $Path) { $files.AddRange([string[]]@(Resolve-InputFile $p)) } }
        catch { $PSCmdlet.ThrowTerminatingError((New-HelpBuilderErrorRecord $_)) }
    }
    end {
        try {
            $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)
            Write-FileAtomically -Path $target -Bytes (Get-MamlBytesFromFiles $files.ToArray())
        }
        catch { $PSCmdlet.ThrowTerminatingError((New-HelpBuilderErrorRecord $_)) }
    }
}
