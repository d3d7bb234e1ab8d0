# about_ page -> the plain text of its about_*.help.txt.

function ConvertTo-AboutText {
    param($Document)
    $file = $Document.Path
    $page = Get-PageSection $Document
    if ($page.Title -notmatch '^about_\w+$') {
        throw (New-FormatError $file $page.TitleLine "expected '# about_<Topic>' as the page heading, found '# $($page.Title)'.")
    }
    $short = $page.Sections | Where-Object { $_.Name -eq 'SHORT DESCRIPTION' } | Select-Object -First 1
    if (-not $short -or -not ($short.Blocks | Where-Object Kind -EQ 'Paragraph')) {
        throw (New-FormatError $file 0 "missing required section '## SHORT DESCRIPTION' with a one-line summary of $($page.Title).")
    }

    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC')
    $out.Add('    ' + $page.Title)
    foreach ($section in $page.Sections) {
        $out.Add('')
        $out.Add($section.Name.ToUpperInvariant())
        $afterHeading = $true
        foreach ($block in $section.Blocks) {
            if (-not $afterHeading) { $out.Add('') }
            $out.AddRange([string[]]@(Format-AboutBlock $block))
            $afterHeading = $block.Kind -eq 'Heading'
        }
    }
    ($out -join "`n") + "`n"
}

function Format-AboutBlock {
    param($Block)
    $indent = '    '
    switch ($Block.Kind) {
        # Sub-headings stay flush left like section names; deeper ones are indented to rank below them.
        'Heading' { if ($Block.Level -le 3) { $Block.Text.ToUpperInvariant() } else { $indent + $Block.Text } }
        'Code' { foreach ($line in $Block.Lines) { if ($line) { $indent + $line } else { '' } } }
        'Paragraph' {
            if ($Block.Lines[0] -match '^\s*\|') { $Block.Lines | ForEach-Object { $indent + $_.Trim() } }
            elseif (Test-ListLine $Block.Lines[0]) {
                foreach ($item in Join-ListItem $Block.Lines) {
                    $marker = ($item -split '\s+', 2)[0]
                    Format-WrappedText $item -Indent $indent -HangingIndent ($indent + ' ' * ($marker.Length + 1))
                }
            }
            # Keep the author's line breaks (hand-wrapped text, one-name-per-line SEE ALSO lists)
            # and only wrap lines that are too long, as platyPS does.
            else { foreach ($line in $Block.Lines) { Format-WrappedText $line -Indent $indent } }
        }
    }
}

# Greedy word wrap to $Width columns; a word longer than the line gets a line of its own.
function Format-WrappedText {
    param([string]$Text, [string]$Indent, [string]$HangingIndent = $Indent, [int]$Width = 80)
    $line = $Indent
    $lineHasWord = $false
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if ($lineHasWord -and ($line.Length + 1 + $word.Length) -gt $Width) {
            $line
            $line = $HangingIndent + $word
        }
        elseif ($lineHasWord) { $line += ' ' + $word }
        else { $line += $word }
        $lineHasWord = $true
    }
    if ($lineHasWord) { $line }
}
