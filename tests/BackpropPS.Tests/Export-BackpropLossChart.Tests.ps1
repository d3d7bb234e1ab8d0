# Export-BackpropLossChart: an SVG line chart of epoch rows (live, from CSV, one line per run of a sweep), and the Export-* file rules.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
}

Describe 'Export-BackpropLossChart' {
    BeforeAll {
        $script:history = 1..30 | ForEach-Object { [pscustomobject]@{ Epoch = $_; Loss = 0.3 / $_; ValidationLoss = 0.35 / $_ + 0.01 } }
        # OxyPlot draws each series as a polyline in its colour; count the points of the long ones.
        function script:Get-LinePoints($Xml, [string] $Rgb) {
            @($Xml.SelectNodes("//*[local-name()='polyline']") | Where-Object { $_.style -like "*stroke:$Rgb*" } |
                ForEach-Object { @($_.points -split ' ' | Where-Object { $_ }).Count } | Sort-Object -Descending)
        }
    }

    It 'draws a line chart with axes, titles and one point per epoch' {
        $path = Join-Path $TestDrive 'loss.svg'
        $history | Select-Object Epoch, Loss | Export-BackpropLossChart -Path $path
        $svg = Read-Svg $path
        $texts = @($svg.SelectNodes("//*[local-name()='text']")).InnerText
        $texts | Should -Contain 'Training loss'
        $texts | Should -Contain 'Epoch'
        $texts | Should -Contain 'Loss'
        $texts | Should -Contain 'Training loss (final 0.01)'
        $texts -like 'Validation loss*' | Should -BeNullOrEmpty
        (Get-LinePoints $svg 'rgb(43,108,176)')[0] | Should -Be 30
    }

    It 'adds the validation loss as a second line with a legend' {
        $path = Join-Path $TestDrive 'validation.svg'
        $file = $history | Export-BackpropLossChart -Path $path -Title 'XOR' -Width 800 -Height 500 -PassThru
        $file.Name | Should -Be 'validation.svg'
        $svg = Read-Svg $path
        $svg.svg.width | Should -Be '800'
        # The title is -Title's; the legend names each line with its final value.
        @($svg.SelectNodes("//*[local-name()='text']")).InnerText | Should -Contain 'XOR'
        @($svg.SelectNodes("//*[local-name()='text']")).InnerText | Should -Contain 'Validation loss (final 0.0217)'
        (Get-LinePoints $svg 'rgb(192,86,33)')[0] | Should -Be 30
    }

    It 'reads a history back from CSV, where every number is a string' {
        $csv = Join-Path $TestDrive 'history.csv'
        $history | Export-Csv -LiteralPath $csv -NoTypeInformation
        $path = Join-Path $TestDrive 'fromcsv.svg'
        Import-Csv -LiteralPath $csv | Export-BackpropLossChart -Path $path -LogScale
        $svg = Read-Svg $path
        @($svg.SelectNodes("//*[local-name()='text']")).InnerText | Should -Contain 'Loss (log scale)'
        (Get-LinePoints $svg 'rgb(43,108,176)')[0] | Should -Be 30
    }

    It 'chooses a log axis for a loss over more than two decades, unless -LogScale says otherwise' {
        $decades = 1..30 | ForEach-Object { [pscustomobject]@{ Epoch = $_; Loss = [math]::Pow(10, -$_ / 6) } }
        $texts = { param($p) @(([xml](Get-Content -Raw -LiteralPath $p)).SelectNodes("//*[local-name()='text']")).InnerText }
        $decades | Export-BackpropLossChart -Path (Join-Path $TestDrive 'auto.svg')
        & $texts (Join-Path $TestDrive 'auto.svg') | Should -Contain 'Loss (log scale)'
        $decades | Export-BackpropLossChart -Path (Join-Path $TestDrive 'linear.svg') -LogScale:$false
        & $texts (Join-Path $TestDrive 'linear.svg') | Should -Contain 'Loss'
        # The history above spans a factor of 36: linear unless -LogScale.
        $history | Export-BackpropLossChart -Path (Join-Path $TestDrive 'small-range.svg')
        & $texts (Join-Path $TestDrive 'small-range.svg') | Should -Not -Contain 'Loss (log scale)'
        # At least four labelled ticks on the loss axis, from 0 to above the first loss (0.36).
        $ticks = @(& $texts (Join-Path $TestDrive 'small-range.svg') | Where-Object { $_ -match '^0(\.\d+)?$' })
        $ticks.Count | Should -BeGreaterOrEqual 4
        [double]$ticks[-1] | Should -BeGreaterOrEqual 0.36
    }

    It 'reports a bad record, skips it and draws the rest' {
        $path = Join-Path $TestDrive 'partial.svg'
        $records = @($history[0..4]) + [pscustomobject]@{ Epoch = 6; Loss = 'oops' } + [pscustomobject]@{ Epoch = 7 }
        $records | Export-BackpropLossChart -Path $path -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidLossRecord,*'
        $problems[0].Exception.Message | Should -BeLike "*Loss is 'oops'*"
        (Get-LinePoints (Read-Svg $path) 'rgb(43,108,176)')[0] | Should -Be 5
    }

    It 'writes SVG only' {
        $e = Get-ErrorRecord { $history | Export-BackpropLossChart -Path (Join-Path $TestDrive 'loss.png') } 'UnsupportedImageFormat' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*.svg*'
    }

    It 'keeps a file with -NoClobber, and replaces it otherwise' {
        $path = Join-Path $TestDrive 'chart-exists.svg'
        'keep me' | Set-Content -LiteralPath $path
        Get-ErrorRecord { $history | Export-BackpropLossChart -Path $path -NoClobber } 'ImageFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        $history | Export-BackpropLossChart -Path $path
        (Read-Svg $path).svg.width | Should -Be '640'
    }

    It 'leaves no file behind when there is nothing to draw' {
        $path = Join-Path $TestDrive 'empty.svg'
        Get-ErrorRecord { [pscustomobject]@{ Epoch = 1 } | Export-BackpropLossChart -Path $path -ErrorAction SilentlyContinue } 'NoLossData' 'InvalidArgument'
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*empty*' -Force).Count | Should -Be 0
    }

    It 'refuses a title with a control character, which SVG cannot hold' {
        $path = Join-Path $TestDrive 'control.svg'
        $e = Get-ErrorRecord { $history | Export-BackpropLossChart -Path $path -Title "a`u{1}b" } 'InvalidTitle' 'InvalidArgument'
        $e.Exception.Message | Should -Match ([regex]::Escape('a`u{1}b'))
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'draws a title with a line break as two lines' {
        $path = Join-Path $TestDrive 'two-lines.svg'
        $history | Export-BackpropLossChart -Path $path -Title "Run 3`nlearning rate 0.5"
        $texts = (Read-Svg $path).SelectNodes("//*[local-name()='text']").InnerText
        $texts | Should -Contain 'Run 3'
        $texts | Should -Contain 'learning rate 0.5'
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif-chart.svg'
        $history | Export-BackpropLossChart -Path $path -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse
    }
}

Describe 'A loss chart of several runs' {
    BeforeAll {
        # The rows of Invoke-BackpropSweep.Tests.ps1's sweep: eight runs of four epochs.
        $x = @(0, 0), @(0, 1), @(1, 0), @(1, 1)
        $net = New-BackpropNetwork 2, 3, 1 -Activation Tanh, Sigmoid -Seed 3
        $fixed = @{ Input = $x; Target = 0, 1, 1, 0; Epochs = 4; BatchSize = 2; Shuffle = $true }
        $grid = @{ Optimizer = 'Sgd', 'Adam'; LearningRate = 0.1, 0.5; Seed = 1, 2 }
        $script:rows = Invoke-BackpropSweep -Network $net -Grid $grid -Parameters $fixed -ThrottleLimit 2
    }

    It 'draws one line per run, with a legend naming each run''s settings' {
        $path = Join-Path $TestDrive 'sweep.svg'
        $rows | Export-BackpropLossChart -Path $path
        $svg = [xml](Get-Content -Raw $path)
        $lines = $svg.GetElementsByTagName('polyline') | Where-Object { $_.points.Split(' ').Count -ge 4 }
        $lines.Count | Should -Be 8 # each run's line of 4 epochs (the legend's samples have 2 points)
        $text = ($svg.GetElementsByTagName('text') | ForEach-Object InnerText) -join '|'
        $text | Should -Match 'Optimizer=Sgd, LearningRate=0\.1, Seed=1'
        $text | Should -Match 'Optimizer=Adam, LearningRate=0\.5, Seed=2'
    }

    It 'reads the same runs back from CSV, and from Group-Object' {
        $csv = Join-Path $TestDrive 'sweep.csv'
        $rows | Select-Object -ExcludeProperty Network | Export-Csv $csv
        Import-Csv $csv | Export-BackpropLossChart -Path (Join-Path $TestDrive 'csv.svg')
        (Get-Content -Raw (Join-Path $TestDrive 'csv.svg')) | Should -Be (Get-Content -Raw (Join-Path $TestDrive 'sweep.svg'))
        $rows | Group-Object Optimizer | Export-BackpropLossChart -Path (Join-Path $TestDrive 'grouped.svg')
        $text = ([xml](Get-Content -Raw (Join-Path $TestDrive 'grouped.svg'))).GetElementsByTagName('text') | ForEach-Object InnerText
        ($text -join '|') | Should -BeLike '*Sgd (final *'
        ($text -join '|') | Should -BeLike '*Adam (final *'
    }
}
