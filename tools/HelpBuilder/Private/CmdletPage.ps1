# Cmdlet page -> command model, the input of the MAML writer. The PARAMETERS section is read in CmdletParameters.ps1.

$script:CmdletSections = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS',
    'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')

function Test-CmdletPage {
    param($Document)
    $name = [System.IO.Path]::GetFileName($Document.Path)
    if ($name -like 'about_*') { return $false }
    if ($Document.FrontMatter -and $Document.FrontMatter.Contains('Module Guid')) { return $false }
    $first = $Document.Blocks | Select-Object -First 1
    -not ($first -and $first.Kind -eq 'Heading' -and $first.Text -like 'about_*')
}

function Read-CmdletPage {
    param($Document)
    $file = $Document.Path
    $front = $Document.FrontMatter
    if ($front -and $front.Contains('schema') -and $front['schema'] -ne '2.0.0') {
        throw (New-FormatError $file 0 "expected 'schema: 2.0.0' in the front matter, found 'schema: $($front['schema'])'.")
    }
    $page = Get-PageSection $Document
    if ($page.Title -notmatch '^[\w.]+(-[\w.]+)*$') {
        throw (New-FormatError $file $page.TitleLine "expected '# <Verb-Noun>' as the page heading, found '# $($page.Title)'.")
    }

    $sections = @{}
    foreach ($section in $page.Sections) {
        $key = $section.Name.ToUpperInvariant()
        if ($key -notin $script:CmdletSections) {
            throw (New-FormatError $file $section.Line "unexpected section '## $($section.Name)'; expected one of: $($script:CmdletSections -join ', ').")
        }
        if ($sections.ContainsKey($key)) {
            throw (New-FormatError $file $section.Line "section '## $key' appears twice.")
        }
        $sections[$key] = $section
    }
    foreach ($required in 'SYNOPSIS', 'SYNTAX') {
        if (-not $sections.ContainsKey($required)) {
            throw (New-FormatError $file 0 "missing required section '## $required' for command '$($page.Title)'.")
        }
    }
    $empty = [pscustomobject]@{ Name = ''; Line = 0; Blocks = @() }
    $get = { param($name) if ($sections.ContainsKey($name)) { $sections[$name] } else { $empty } }

    $synopsis = @(ConvertTo-Paragraph $sections['SYNOPSIS'].Blocks)
    if ($synopsis.Count -eq 0) {
        throw (New-FormatError $file $sections['SYNOPSIS'].Line "section '## SYNOPSIS' is empty; expected a one-line summary.")
    }
    $parameters = @(Read-ParametersSection (& $get 'PARAMETERS') $file)
    $verb, $noun = $page.Title -split '-', 2
    [pscustomobject]@{
        Name        = $page.Title
        Verb        = $verb
        Noun        = "$noun"
        Synopsis    = $synopsis
        Description = @(ConvertTo-Paragraph (& $get 'DESCRIPTION').Blocks)
        Syntax      = @(Read-SyntaxSection $sections['SYNTAX'] $parameters $file)
        Parameters  = $parameters
        Inputs      = @(Read-TypeListSection (& $get 'INPUTS') $file)
        Outputs     = @(Read-TypeListSection (& $get 'OUTPUTS') $file)
        Notes       = @(ConvertTo-Paragraph (& $get 'NOTES').Blocks)
        Examples    = @(Read-ExamplesSection (& $get 'EXAMPLES') $file)
        Links       = @(Read-LinksSection (& $get 'RELATED LINKS') $(if ($front) { $front['online version'] }))
    }
}

# One syntax item per '### SetName' + code block. Parameter order follows the code block (that is
# the order the cmdlet shows); the per-set attributes come from the PARAMETERS yaml blocks.
function Read-SyntaxSection {
    param($Section, [object[]]$Parameters, [string]$File)
    $pending = $null
    $items = [System.Collections.Generic.List[object]]::new()
    foreach ($block in $Section.Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            if ($pending) { throw (New-FormatError $File $pending.Line "expected a code block after '### $($pending.Text)' in '## SYNTAX'.") }
            $pending = $block
        }
        elseif ($block.Kind -eq 'Code') {
            $setName = if ($pending) { $pending.Text -replace '\s*\(Default\)\s*$', '' } else { $script:AllSets }
            $items.Add((New-SyntaxItem -SetName $setName -Code $block -Parameters $Parameters -File $File))
            $pending = $null
        }
        else {
            throw (New-FormatError $File $block.Line "unexpected content in '## SYNTAX'; expected '### <ParameterSetName>' headings each followed by a code block.")
        }
    }
    if ($pending) { throw (New-FormatError $File $pending.Line "expected a code block after '### $($pending.Text)' in '## SYNTAX'.") }
    if ($items.Count -eq 0) { throw (New-FormatError $File $Section.Line "'## SYNTAX' has no code block.") }
    $items.ToArray()
}

function New-SyntaxItem {
    param([string]$SetName, $Code, [object[]]$Parameters, [string]$File)
    # "-Name" preceded by start, space or '[' is a parameter; "Get-Thing" is not.
    $named = [regex]::Matches(($Code.Lines -join "`n"), '(?<=^|[\s\[])-(?<name>[A-Za-z_]\w*)') |
        ForEach-Object { $_.Groups['name'].Value } | Select-Object -Unique
    $inSet = [System.Collections.Generic.List[object]]::new()
    foreach ($name in $named) {
        $parameter = $Parameters | Where-Object Name -EQ $name | Select-Object -First 1
        if (-not $parameter) {
            throw (New-FormatError $File $Code.Line "syntax for parameter set '$SetName' uses -$name, but '## PARAMETERS' has no '### -$name'.")
        }
        $inSet.Add((Get-ParameterForSet $parameter $SetName))
    }
    # Parameters the yaml puts in this set but the code block forgot still belong to the set.
    foreach ($parameter in $Parameters | Where-Object Name -NotIn $named) {
        $forSet = Get-ParameterForSet $parameter $SetName -Strict
        if ($forSet) { $inSet.Add($forSet) }
    }
    [pscustomobject]@{ SetName = $SetName; Parameters = $inSet.ToArray() }
}

# INPUTS / OUTPUTS: '### TypeName' headings, each followed by its description.
function Read-TypeListSection {
    param($Section, [string]$File)
    $current = $null
    foreach ($block in $Section.Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            if ($current) { New-TypeEntry $current }
            $current = [pscustomobject]@{ Type = $block.Text.Trim(); Blocks = @() }
        }
        elseif ($null -eq $current) {
            throw (New-FormatError $File $block.Line "unexpected content in '## $($Section.Name)'; expected a '### <TypeName>' heading.")
        }
        else { $current.Blocks += $block }
    }
    if ($current) { New-TypeEntry $current }
}

function New-TypeEntry($Entry) {
    [pscustomobject]@{ Type = $Entry.Type; Description = @(ConvertTo-Paragraph $Entry.Blocks) }
}

# '### Example N: title', optional intro text, code block(s), remarks. MAML has no intro field,
# so intro text is kept at the start of the remarks rather than dropped.
function Read-ExamplesSection {
    param($Section, [string]$File)
    $examples = [System.Collections.Generic.List[object]]::new()
    $current = $null
    foreach ($block in $Section.Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            $current = [pscustomobject]@{ Title = $block.Text.Trim(); Line = $block.Line; Code = @(); Intro = @(); Remarks = @() }
            $examples.Add($current)
        }
        elseif ($null -eq $current) {
            throw (New-FormatError $File $block.Line "unexpected content in '## EXAMPLES'; expected a '### Example 1: <Title>' heading.")
        }
        elseif ($block.Kind -eq 'Code') { $current.Code += ($block.Lines -join "`n") }
        elseif ($current.Code.Count -eq 0) { $current.Intro += $block }
        else { $current.Remarks += $block }
    }
    foreach ($example in $examples) {
        if ($example.Code.Count -eq 0) {
            throw (New-FormatError $File $example.Line "example '$($example.Title)' has no code block.")
        }
        [pscustomobject]@{
            Title   = $example.Title
            Code    = $example.Code -join "`n`n"
            Remarks = @(ConvertTo-Paragraph ($example.Intro + $example.Remarks))
        }
    }
}

# Get-Help -Online needs absolute URIs, so relative links (Other-Command.md) keep only their text.
function Read-LinksSection {
    param($Section, [string]$OnlineVersion)
    if ($OnlineVersion) { New-Link 'Online Version:' $OnlineVersion }
    foreach ($block in $Section.Blocks | Where-Object Kind -EQ 'Paragraph') {
        foreach ($line in $block.Lines) {
            $links = [regex]::Matches($line, '\[(?<text>[^\]]+)\]\((?<uri>[^)\s]*)[^)]*\)')
            if ($links.Count -eq 0) { New-Link $line.Trim() ''; continue }
            foreach ($link in $links) { New-Link $link.Groups['text'].Value $link.Groups['uri'].Value }
        }
    }
}

function New-Link([string]$Text, [string]$Uri) {
    $parsed = $null
    $absolute = [uri]::TryCreate($Uri, [System.UriKind]::Absolute, [ref]$parsed) -and $parsed.Scheme -in 'http', 'https'
    [pscustomobject]@{ Text = $Text; Uri = if ($absolute) { $Uri } else { '' } }
}

# platyPS names the XML after the pages' 'external help file'; warn when that disagrees with ours,
# because Get-Help for a binary cmdlet looks for the file named in the cmdlet's HelpFile.
function Assert-ExternalHelpFileName {
    param([string[]]$Files, [string]$Expected)
    foreach ($file in $Files) {
        $front = (Read-MarkdownDocument $file).FrontMatter
        if ($front -and $front.Contains('external help file') -and $front['external help file'] -and
            $front['external help file'] -ne $Expected) {
            Write-Warning "'$file' says 'external help file: $($front['external help file'])', but the help is written to '$Expected'."
        }
    }
}
