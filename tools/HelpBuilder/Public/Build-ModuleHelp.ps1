function Build-ModuleHelp {
    <#
    .SYNOPSIS
        Builds a module's en-US help folder from its platyPS markdown docs.
    .DESCRIPTION
        Uses platyPS New-ExternalHelp when the platyPS module is installed (unless -SkipPlatyPS);
        otherwise writes <ModuleName>.dll-Help.xml from all cmdlet pages and about_X.help.txt for
        each about_X.md. In the built-in path every page is converted in memory before any file
        is written, so one bad page leaves the output folder unchanged. Returns the written paths.
    .EXAMPLE
        Build-ModuleHelp -DocsPath docs/en-US -OutputPath out/BackpropPS/en-US -ModuleName BackpropPS
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string]$DocsPath,

        [Parameter(Mandatory)]
        [string]$OutputPath,

        [Parameter(Mandatory)]
        [string]$ModuleName,

        # Use the built-in converter even if platyPS is installed (reproducible output on any machine).
        [switch]$SkipPlatyPS
    )
    try {
        if (-not (Test-Path -Path $DocsPath -PathType Container)) {
            throw [System.IO.DirectoryNotFoundException]::new("Docs folder not found: '$DocsPath'.")
        }
        $docs = (Resolve-Path -Path $DocsPath).ProviderPath
        $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)

        $platyPS = if (-not $SkipPlatyPS) { Get-Module -ListAvailable -Name platyPS | Select-Object -First 1 }
        if ($platyPS) {
            Write-Verbose "Using platyPS $($platyPS.Version) from $($platyPS.ModuleBase)."
            Import-Module $platyPS -ErrorAction Stop
            return platyPS\New-ExternalHelp -Path $docs -OutputPath $target -Force -ErrorAction Stop |
                ForEach-Object { if ($_ -is [System.IO.FileSystemInfo]) { $_.FullName } else { "$_" } }
        }

        $markdown = [System.Collections.Generic.List[string]]::new(
            [string[]]@(Get-ChildItem -LiteralPath $docs -Filter *.md -File | ForEach-Object FullName))
        $markdown.Sort([System.StringComparer]::OrdinalIgnoreCase)   # same order on every OS/culture
        $aboutFiles = @($markdown | Where-Object { [System.IO.Path]::GetFileName($_) -like 'about_*.md' })
        $pageFiles = @($markdown | Where-Object { $_ -notin $aboutFiles })

        $xmlName = "$ModuleName.dll-Help.xml"
        Assert-ExternalHelpFileName -Files $pageFiles -Expected $xmlName

        # Convert everything first; write only when every page converted.
        $outputs = [ordered]@{}
        if ($pageFiles.Count) { $outputs[[System.IO.Path]::Combine($target, $xmlName)] = Get-MamlBytesFromFiles $pageFiles }
        foreach ($file in $aboutFiles) {
            $name = [System.IO.Path]::GetFileNameWithoutExtension($file) + '.help.txt'
            $outputs[[System.IO.Path]::Combine($target, $name)] = Get-AboutBytesFromFile $file
        }
        if ($outputs.Count -eq 0) {
            throw [System.IO.FileNotFoundException]::new("No markdown help pages (*.md) found in '$docs'.")
        }
        foreach ($entry in $outputs.GetEnumerator()) { Write-FileAtomically -Path $entry.Key -Bytes $entry.Value }
    }
    catch { $PSCmdlet.ThrowTerminatingError((New-HelpBuilderErrorRecord $_)) }
}
