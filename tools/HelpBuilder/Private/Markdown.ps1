# Generic markdown parsing: file -> front matter + flat list of blocks (heading, code, paragraph)
# -> page sections, and blocks -> plain text. Knows nothing about cmdlet or about_ pages.

function Read-MarkdownDocument {
    param([string]$Path)
    $lines = [System.IO.File]::ReadAllText($Path) -split '\r?\n'
    $frontMatter = $null
    $bodyStart = 0
    if ($lines[0].TrimEnd() -eq '---') {
        $frontMatter, $bodyStart = Read-FrontMatter -Lines $lines -File $Path
    }
    $body = if ($bodyStart -lt $lines.Count) { $lines[$bodyStart..($lines.Count - 1)] } else { @() }
    [pscustomobject]@{
        Path        = $Path
        FrontMatter = $frontMatter
        Blocks      = ConvertTo-MarkdownBlock -Lines $body -FirstLine ($bodyStart + 1) -File $Path
    }
}

# Only the flat 'key: value' subset of YAML that platyPS writes; anything else is reported.
function Read-FrontMatter {
    param([string[]]$Lines, [string]$File)
    $end = 1
    while ($end -lt $Lines.Count -and $Lines[$end].TrimEnd() -ne '---') { $end++ }
    if ($end -ge $Lines.Count) {
        throw (New-FormatError $File 1 "front matter opened with '---' is never closed by a '---' line.")
    }
    $values = [ordered]@{}
    for ($i = 1; $i -lt $end; $i++) {
        $line = $Lines[$i].TrimEnd()
        if ($line -eq '') { continue }
        if ($line -notmatch '^(?<key>[A-Za-z][\w .-]*?)\s*:(?:\s+(?<value>.*))?$') {
            throw (New-FormatError $File ($i + 1) "expected 'key: value' in the front matter, found '$line'.")
        }
        $values[$Matches.key] = "$($Matches['value'])".Trim().Trim('"', "'")
    }
    $values, ($end + 1)
}

# Splits markdown into headings, fenced code blocks and paragraphs, remembering line numbers.
function ConvertTo-MarkdownBlock {
    param([string[]]$Lines, [int]$FirstLine, [string]$File)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $paragraph = $null
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        $line = $Lines[$i]
        $lineNo = $FirstLine + $i
        if ($line -match '^(?<indent> {0,3})(?<fence>`{3,}|~{3,})\s*(?<lang>[^\s`]*)') {
            $paragraph = $null
            $fence = $Matches.fence
            $lang = $Matches.lang   # read now: matching the closing fence below overwrites $Matches
            $indent = $Matches.indent.Length
            $closing = '^ {0,3}' + [regex]::Escape($fence.Substring(0, 1)) + '{' + $fence.Length + ',}\s*$'
            $code = [System.Collections.Generic.List[string]]::new()
            $closed = $false
            for ($i++; $i -lt $Lines.Count; $i++) {
                if ($Lines[$i] -match $closing) { $closed = $true; break }
                # Drop the fence's own indentation from each code line, as CommonMark does.
                $code.Add(($Lines[$i] -replace "^ {0,$indent}", '').TrimEnd())
            }
            if (-not $closed) {
                throw (New-FormatError $File $lineNo "code block opened with $fence is never closed.")
            }
            $blocks.Add((New-Block -Kind Code -Line $lineNo -Lang $lang -Lines $code.ToArray()))
        }
        elseif ($line -match '^(?<hashes>#{1,6})[ \t]+(?<text>.+?)(?:[ \t]+#+)?[ \t]*$') {
            $paragraph = $null
            $blocks.Add((New-Block -Kind Heading -Line $lineNo -Level $Matches.hashes.Length -Text $Matches.text))
        }
        elseif ($line.Trim() -eq '') {
            $paragraph = $null
        }
        else {
            if ($null -eq $paragraph) {
                $paragraph = New-Block -Kind Paragraph -Line $lineNo -Lines @()
                $blocks.Add($paragraph)
            }
            $paragraph.Lines += $line.TrimEnd()
        }
    }
    , $blocks.ToArray()
}

function New-Block {
    param([string]$Kind, [int]$Line, [int]$Level = 0, [string]$Text = '', [string]$Lang = '', [string[]]$Lines = @())
    [pscustomobject]@{ Kind = $Kind; Line = $Line; Level = $Level; Text = $Text; Lang = $Lang; Lines = $Lines }
}

# Page = one '# Title' heading followed by '## Section' groups of blocks.
function Get-PageSection {
    param($Document)
    $blocks = $Document.Blocks
    $file = $Document.Path
    if ($blocks.Count -eq 0 -or $blocks[0].Kind -ne 'Heading' -or $blocks[0].Level -ne 1) {
        $line = if ($blocks.Count) { $blocks[0].Line } else { 0 }
        throw (New-FormatError $file $line "expected the page to start with a '# <Name>' heading.")
    }
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = $null
    foreach ($block in $blocks | Select-Object -Skip 1) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 1) {
            throw (New-FormatError $file $block.Line "found a second '# $($block.Text)' heading; a page has exactly one '#' heading.")
        }
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 2) {
            $current = [pscustomobject]@{ Name = $block.Text.Trim(); Line = $block.Line; Blocks = @() }
            $sections.Add($current)
        }
        elseif ($null -eq $current) {
            throw (New-FormatError $file $block.Line "expected a '## <SECTION>' heading after '# $($blocks[0].Text)'.")
        }
        else {
            $current.Blocks += $block
        }
    }
    [pscustomobject]@{ Title = $blocks[0].Text.Trim(); TitleLine = $blocks[0].Line; Sections = $sections.ToArray() }
}

# Markdown blocks -> plain paragraphs for <maml:para>. Lists and tables keep one line per item,
# because Get-Help rewraps each para and would otherwise run list items together.
function ConvertTo-Paragraph {
    param([object[]]$Blocks)
    foreach ($block in $Blocks) {
        switch ($block.Kind) {
            'Code' { $block.Lines -join "`n" }
            'Heading' { $block.Text }
            'Paragraph' {
                if ($block.Lines[0] -match '^\s*\|') { $block.Lines -join "`n" }
                elseif (Test-ListLine $block.Lines[0]) { Join-ListItem $block.Lines }
                else { ($block.Lines | ForEach-Object Trim) -join ' ' }
            }
        }
    }
}

function Test-ListLine([string]$Line) { $Line -match '^\s*([-*+]|\d+[.)])\s+' }

function Join-ListItem {
    param([string[]]$Lines)
    $item = $null
    foreach ($line in $Lines) {
        if (Test-ListLine $line) {
            if ($null -ne $item) { $item }
            $item = $line.Trim()
        }
        else { $item += ' ' + $line.Trim() }
    }
    $item
}
