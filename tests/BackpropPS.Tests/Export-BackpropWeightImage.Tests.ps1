# Export-BackpropWeightImage, Export-BackpropImageGrid and Export-BackpropConfusionMatrix: SVG files that
# parse, one tile per neuron or sample and one rect per pixel, one cell per label pair, and the Export-*
# file rules (-Force, -WhatIf, -LiteralPath, atomic, errors with ErrorIds).
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    function script:Get-Marked($Node, [string] $Class) { @($Node.SelectNodes(".//*[@class='$Class']")) }
    function script:Get-Pixel($Tile) { @($Tile.SelectNodes("*[@class='pixels']/*[local-name()='rect']")) }

    # A seeded data set of $Count images of $Width x $Width pixels from 0 to $Max, with $Classes one-hot classes.
    function script:New-ImageSet([int] $Count, [int] $Width, [double] $Max = 1, [int] $Classes = 10, [string[]] $Labels) {
        $random = [System.Random]::new(5)
        $pixels = [double[]]::new($Count * $Width * $Width)
        for ($k = 0; $k -lt $pixels.Length; $k++) { $pixels[$k] = [math]::Round($random.NextDouble() * $Max, 2) }
        $onehot = [double[]]::new($Count * $Classes)
        for ($r = 0; $r -lt $Count; $r++) { $onehot[$r * $Classes + $r % $Classes] = 1 }
        $schema = if ($Labels) {
            [BackpropPS.Core.Training.DataSchema]::new([string[]]@(1..($Width * $Width) | ForEach-Object { "p$_" }), [string[]]'label', $Labels, $null)
        }
        [BackpropPS.Core.Training.Dataset]::new([BackpropPS.Core.Matrix]::new($Count, $Width * $Width, $pixels),
            [BackpropPS.Core.Matrix]::new($Count, $Classes, $onehot), $schema)
    }

    $script:fashionLabels = [string[]]('T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot')
    $script:fashion = New-ImageSet -Count 50 -Width 28 -Labels $fashionLabels
    $script:digits = New-ImageSet -Count 40 -Width 8 -Max 16 -Labels ([string[]](0..9 | ForEach-Object { "$_" }))
    $script:mnistNet = New-BackpropNetwork 784, 12, 10 -Activation ReLU, Softmax -Seed 3
    $script:digitsNet = New-BackpropNetwork 64, 9, 10 -Activation ReLU, Softmax -Seed 3
}

Describe 'Export-BackpropWeightImage' {
    It 'draws one 28 x 28 tile per hidden neuron of the first layer, named as the module names neurons' {
        $path = Join-Path $TestDrive 'weights.svg'
        $file = $mnistNet | Export-BackpropWeightImage -Path $path -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $file.FullName | Should -Be $path
        $file.PSPath | Should -BeLike '*FileSystem::*weights.svg'
        $svg = Read-Svg $path
        $svg.DocumentElement.LocalName | Should -Be 'svg'
        $svg.DocumentElement.NamespaceURI | Should -Be 'http://www.w3.org/2000/svg'
        $tiles = Get-Marked $svg 'tile'
        $tiles.id | Should -Be @(1..12 | ForEach-Object { "h$_" })
        foreach ($tile in $tiles) { (Get-Pixel $tile).Count | Should -Be 784 }
        (Get-Marked $tiles[4] 'label').'#text' | Should -Be 'h5'
        (Get-Pixel $tiles[0])[-1].x | Should -Be '27'
        (Get-Pixel $tiles[0])[-1].y | Should -Be '27'
        (Get-Marked $svg 'caption').'#text' | Should -BeLike 'Layer 1 of 784-12-10*28 x 28*'
    }

    It 'scales each tile symmetrically around 0 by its own largest |weight|' {
        $layer = [BackpropPS.Core.Layer]::new(4, 2, [double[]](0.5, -0.25, 0, 0.125, -3, 3, 1.5, 0), [double[]](0, 0), 'Linear')
        $net = [BackpropPS.Core.Network]::new([BackpropPS.Core.Layer[]]@($layer), $null)
        $path = Join-Path $TestDrive 'scaled.svg'
        Export-BackpropWeightImage -Network $net -Path $path
        $tiles = Get-Marked (Read-Svg $path) 'tile'
        (Get-Pixel $tiles[0]).fill | Should -Be '#ffffff', '#404040', '#808080', '#9f9f9f'
        (Get-Pixel $tiles[1]).fill | Should -Be '#000000', '#ffffff', '#bfbfbf', '#808080'
        $tiles[1].title | Should -Be 'o2: weights from -3 to 3 (white is +3, black is -3)'
    }

    It 'draws a chosen layer and neurons with an image width, in rows of -Columns' {
        $path = Join-Path $TestDrive 'layer2.svg'
        $digitsNet | Export-BackpropWeightImage -Path $path -Layer 2 -ImageWidth 3 -Neuron 10, 2 -Columns 1 -Title 'Outputs'
        $svg = Read-Svg $path
        (Get-Marked $svg 'tile').id | Should -Be 'o10', 'o2'
        (Get-Pixel (Get-Marked $svg 'tile')[0]).Count | Should -Be 9
        (Get-Marked $svg 'caption').'#text' | Should -Be 'Outputs'
        # One column: both tiles at the same x, one under the other.
        $x = (Get-Marked $svg 'tile').transform | ForEach-Object { ($_ -split '[( ]')[1] }
        $x[0] | Should -Be $x[1]
    }

    It 'refuses a layer whose inputs are not a whole image' {
        $e = Get-ErrorRecord { $mnistNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'no.svg') -Layer 2 } 'NotAnImage' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike 'Layer 2 takes 12 inputs*-ImageWidth*'
        Get-ErrorRecord { $digitsNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'no.svg') -ImageWidth 5 } 'NotAnImage' 'InvalidArgument'
        Test-Path (Join-Path $TestDrive 'no.svg') | Should -BeFalse
    }

    It 'refuses more tiles than one picture can show, and says the limit' {
        $wide = New-BackpropNetwork 4, 401 -Activation Sigmoid -Seed 1
        $e = Get-ErrorRecord { $wide | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'wide.svg') } 'TooManyImages' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike '*401 neurons*at most 400*-Neuron*'
        $wide | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'wide.svg') -Neuron (1..400)
        (Get-Marked (Read-Svg (Join-Path $TestDrive 'wide.svg')) 'tile').Count | Should -Be 400
    }

    It 'rejects a layer or neuron that does not exist' {
        Get-ErrorRecord { $digitsNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'x.svg') -Layer 3 } 'LayerNotFound' 'InvalidArgument'
        Get-ErrorRecord { $digitsNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'x.svg') -Neuron 10 } 'NeuronNotFound' 'InvalidArgument'
    }

    It 'draws one picture per file: a second piped network is an error' {
        Get-ErrorRecord { $digitsNet, $digitsNet | Export-BackpropWeightImage -Path (Join-Path $TestDrive 'two.svg') } 'MultipleObjectsForOneFile' 'InvalidOperation'
    }
}

Describe 'Export-BackpropImageGrid' {
    It 'draws the first 36 samples with their labels, one rect per pixel' {
        $path = Join-Path $TestDrive 'fashion.svg'
        $fashion | Export-BackpropImageGrid -Path $path
        $svg = Read-Svg $path
        $tiles = Get-Marked $svg 'tile'
        $tiles.Count | Should -Be 36
        $tiles.'data-index' | Should -Be @(0..35 | ForEach-Object { "$_" })
        foreach ($tile in $tiles) { (Get-Pixel $tile).Count | Should -Be 784 }
        (Get-Marked $svg 'label').'#text' | Should -Be @(0..35 | ForEach-Object { $fashionLabels[$_ % 10] })
        # Ink dark on white: a pixel of 1 is black, 0 white.
        $first = $fashion.Inputs.GetRow(0)
        $k = [array]::IndexOf($first, ($first | Measure-Object -Maximum).Maximum)
        (Get-Pixel $tiles[0])[$k].fill | Should -Be ('#{0:x2}{0:x2}{0:x2}' -f [int][math]::Round(255 * (1 - $first[$k])))
    }

    It 'takes -Start and -Count, or -Index in its order' {
        $path = Join-Path $TestDrive 'page.svg'
        Export-BackpropImageGrid -Dataset $fashion -Path $path -Start 45 -Count 36
        (Get-Marked (Read-Svg $path) 'tile').'data-index' | Should -Be '45', '46', '47', '48', '49'
        Export-BackpropImageGrid -Dataset $fashion -Path $path -Index 7, 3, 49 -Force
        (Get-Marked (Read-Svg $path) 'tile').'data-index' | Should -Be '7', '3', '49'
        Export-BackpropImageGrid -Dataset $fashion -Path $path -Index (0..49) -Count 4 -Force
        (Get-Marked (Read-Svg $path) 'tile').Count | Should -Be 4
    }

    It 'scales 0-16 pixels (Digits) from the data set''s smallest value to its largest' {
        $path = Join-Path $TestDrive 'digits.svg'
        $digits | Export-BackpropImageGrid -Path $path -Count 10 -Columns 5
        $svg = Read-Svg $path
        $max = ($digits.Inputs | Measure-Object -Maximum).Maximum
        (Get-Marked $svg 'legend').'#text' | Should -Be "Pixels from 0 (white) to $max (black)"
        (Get-Pixel (Get-Marked $svg 'tile')[0]).Count | Should -Be 64
        (Get-Marked $svg 'label').'#text' | Should -Be @(0..9 | ForEach-Object { "$_" })
    }

    It 'draws exactly the samples the network gets wrong, with true and predicted labels' {
        $output = [BackpropPS.Core.Backpropagation]::Forward($mnistNet, $fashion.Inputs).Output
        $wrong = foreach ($r in 0..49) {
            $predicted = [BackpropPS.Core.Evaluation.Accuracy]::ArgMax($output, $r)
            if ($predicted -ne $r % 10) { [pscustomobject]@{ Row = "$r"; Caption = "$($fashionLabels[$r % 10]) $([char]0x2192) $($fashionLabels[$predicted])" } }
        }
        $wrong.Count | Should -BeGreaterThan 10
        $path = Join-Path $TestDrive 'wrong.svg'
        $fashion | Export-BackpropImageGrid -Path $path -Network $mnistNet -Misclassified -Count 10
        $tiles = Get-Marked (Read-Svg $path) 'tile'
        $tiles.'data-index' | Should -Be ($wrong.Row | Select-Object -First 10)
        (Get-Marked (Read-Svg $path) 'label').'#text' | Should -Be ($wrong.Caption | Select-Object -First 10)
        $tiles.'data-correct' | Sort-Object -Unique | Should -Be 'false'

        $fashion | Export-BackpropImageGrid -Path $path -Network $mnistNet -Count 50 -Force
        @(Get-Marked (Read-Svg $path) 'tile' | Where-Object 'data-correct' -eq 'false').'data-index' | Should -Be $wrong.Row
    }

    It 'says when a network gets every sample right' {
        $pixels = foreach ($p in 0..3) {
            , [double[]]@(0..15 | ForEach-Object { [double](($_ % 4) -eq $p) })
            , [double[]]@(0..15 | ForEach-Object { [double]([math]::Floor($_ / 4) -eq $p) })
        }
        $targets = foreach ($p in 0..3) { , [double[]](1, 0); , [double[]](0, 1) }
        $bars = [BackpropPS.Core.Training.Dataset]::new([BackpropPS.Core.Matrix]::FromRows([double[][]]$pixels), [BackpropPS.Core.Matrix]::FromRows([double[][]]$targets))
        $run = $bars | Invoke-BackpropTraining -Network (New-BackpropNetwork 16, 4, 2 -Activation Tanh, Softmax -Seed 2) -Optimizer Adam -LearningRate 0.05 -Epochs 100 -BatchSize 8
        $run[-1].Accuracy | Should -Be 1
        $path = Join-Path $TestDrive 'none.svg'
        Get-ErrorRecord { $bars | Export-BackpropImageGrid -Path $path -Network $run[-1].Network -Misclassified } 'NoMisclassifiedSamples' 'InvalidOperation'
        Test-Path $path | Should -BeFalse
    }

    It 'stops with a clear error for settings that cannot work' {
        $path = Join-Path $TestDrive 'bad.svg'
        Get-ErrorRecord { $fashion | Export-BackpropImageGrid -Path $path -Misclassified } 'MisclassifiedWithoutNetwork' 'InvalidArgument'
        Get-ErrorRecord { $fashion | Export-BackpropImageGrid -Path $path -Network $digitsNet } 'InputSizeMismatch' 'InvalidArgument'
        Get-ErrorRecord { $fashion | Export-BackpropImageGrid -Path $path -Start 50 } 'SampleNotFound' 'InvalidArgument'
        Get-ErrorRecord { $fashion | Export-BackpropImageGrid -Path $path -Index 1, 50 } 'SampleNotFound' 'InvalidArgument'
        Get-ErrorRecord { $fashion | Export-BackpropImageGrid -Path $path -Index 1 -Start 2 } 'StartWithIndex' 'InvalidArgument'
        Get-ErrorRecord { $fashion | Export-BackpropImageGrid -Path $path -ImageWidth 27 } 'NotAnImage' 'InvalidArgument'
        Get-ErrorRecord { $fashion | Export-BackpropImageGrid -Path $path -Count 401 } 'ParameterArgumentValidationError' 'InvalidData'
        $odd = [BackpropPS.Core.Training.Dataset]::new([BackpropPS.Core.Matrix]::new(1, 10, [double[]]::new(10)), [BackpropPS.Core.Matrix]::new(1, 2, [double[]](1, 0)))
        Get-ErrorRecord { $odd | Export-BackpropImageGrid -Path $path } 'NotAnImage' 'InvalidArgument'
        Get-ErrorRecord { $fashion, $fashion | Export-BackpropImageGrid -Path $path } 'MultipleObjectsForOneFile' 'InvalidOperation'
        Test-Path $path | Should -BeFalse
    }
}

Describe 'Export-BackpropConfusionMatrix' {
    BeforeAll {
        $iris = Get-BackpropDataset Iris
        $run = $iris | Invoke-BackpropTraining -Network (New-BackpropNetwork 4, 8, 3 -Activation Tanh, Softmax -Seed 7) -TargetColumn species `
            -Optimizer Adam -LearningRate 0.01 -Epochs 20 -BatchSize 16 -Shuffle -Seed 7 -Standardize
        $script:report = $iris | Measure-BackpropAccuracy -Network $run[-1].Network
    }

    It 'draws one cell per actual and predicted label with the report''s counts' {
        $path = Join-Path $TestDrive 'iris.svg'
        $file = $report | Export-BackpropConfusionMatrix -Path $path -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $svg = Read-Svg $path
        $cells = Get-Marked $svg 'cell'
        $cells.Count | Should -Be 9
        foreach ($row in $report.ConfusionMatrix) {
            foreach ($label in $report.Labels) {
                $cell = $cells | Where-Object { $_.'data-actual' -eq $row.Actual -and $_.'data-predicted' -eq $label }
                (Get-Marked $cell 'count').'#text' | Should -Be "$($row.$label)"
                $cell.'data-count' | Should -Be "$($row.$label)"
            }
        }
        (Get-Marked $svg 'actual-label').'#text' | Should -Be $report.Labels
        (Get-Marked $svg 'predicted-label').'#text' | Should -Be $report.Labels
        (Get-Marked $svg 'axis-title').'#text' | Should -Be 'Predicted', 'Actual'
        $accuracy = $report.Correct / $report.Total
        (Get-Marked $svg 'caption').'#text' | Should -Be ('Confusion matrix: accuracy {0} ({1} of {2})' -f [math]::Round($accuracy, 4).ToString([cultureinfo]::InvariantCulture), $report.Correct, $report.Total)
    }

    It 'shades a cell by its share of the row' {
        $rows = [pscustomobject]@{ Actual = 'a'; a = 3; b = 1 }, [pscustomobject]@{ Actual = 'b'; a = 0; b = 40 }
        $path = Join-Path $TestDrive 'share.svg'
        [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -Path $path
        $fills = (Get-Marked (Read-Svg $path) 'cell') | ForEach-Object { $_.rect.fill }
        # 3 of 4, 1 of 4, none, all: white mixed toward #2b6cb0.
        $fills | Should -Be '#6091c4', '#cadaeb', '#ffffff', '#2b6cb0'
    }

    It 'draws the same picture from a report read back with Import-Clixml, in any culture' {
        $live = Join-Path $TestDrive 'live.svg'
        $kept = Join-Path $TestDrive 'kept.svg'
        $report | Export-BackpropConfusionMatrix -Path $live
        $report | Export-Clixml -LiteralPath (Join-Path $TestDrive 'report.xml')
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            Import-Clixml -LiteralPath (Join-Path $TestDrive 'report.xml') | Export-BackpropConfusionMatrix -LiteralPath $kept
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        Get-Content -Raw $kept | Should -Be (Get-Content -Raw $live)
    }

    It 'rejects what is not an accuracy report' {
        $path = Join-Path $TestDrive 'not.svg'
        Get-ErrorRecord { [pscustomobject]@{ Epoch = 1 } | Export-BackpropConfusionMatrix -Path $path } 'NotAnAccuracyReport' 'InvalidArgument'
        $bad = [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = 'many'; b = 1 }) }
        $e = Get-ErrorRecord { $bad | Export-BackpropConfusionMatrix -Path $path } 'NotAnAccuracyReport' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike "*'many'*"
        Test-Path $path | Should -BeFalse
    }

    It 'escapes labels that are not plain text' {
        $rows = [pscustomobject]@{ Actual = '<b>'; '<b>' = 1; 'x & y' = 0 }, [pscustomobject]@{ Actual = 'x & y'; '<b>' = 2; 'x & y' = 5 }
        $path = Join-Path $TestDrive 'escaped.svg'
        [pscustomobject]@{ Labels = '<b>', 'x & y'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -Path $path
        (Get-Marked (Read-Svg $path) 'actual-label').'#text' | Should -Be '<b>', 'x & y'
    }
}

Describe 'The picture cmdlets follow the Export-* file rules: <Name>' -ForEach @(
    @{ Name = 'Export-BackpropWeightImage'; Draw = { param($Path, [hashtable] $More = @{}) $digitsNet | Export-BackpropWeightImage -LiteralPath $Path @More } }
    @{ Name = 'Export-BackpropImageGrid'; Draw = { param($Path, [hashtable] $More = @{}) $digits | Export-BackpropImageGrid -LiteralPath $Path @More } }
    @{ Name = 'Export-BackpropConfusionMatrix'; Draw = {
            param($Path, [hashtable] $More = @{})
            $rows = [pscustomobject]@{ Actual = 'a'; a = 1; b = 0 }, [pscustomobject]@{ Actual = 'b'; a = 0; b = 1 }
            [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -LiteralPath $Path @More
        }
    }
) {
    It 'writes to a literal path, replaces a file only with -Force, and writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive "$Name[1].svg"
        & $Draw $path @{ WhatIf = $true }
        Test-Path -LiteralPath $path | Should -BeFalse
        'keep me' | Set-Content -LiteralPath $path
        Get-ErrorRecord { & $Draw $path } 'ImageFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'keep me'
        $file = & $Draw $path @{ Force = $true; PassThru = $true }
        $file.Name | Should -Be "$Name[1].svg"
        (Read-Svg $path).DocumentElement.LocalName | Should -Be 'svg'
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Force).Count | Should -Be 0
    }

    It 'refuses a title SVG cannot hold, before it writes anything' {
        $path = Join-Path $TestDrive "$Name-title.svg"
        Get-ErrorRecord { & $Draw $path @{ Title = "bad`0title" } } 'InvalidTitle' 'InvalidArgument'
        Test-Path -LiteralPath $path | Should -BeFalse
        & $Draw $path @{ Title = "Two`nlines & <more>" }
        (Read-Svg $path).SelectNodes("//*[@class='caption']").'#text' | Should -BeLike "Two`nlines & <more>*"
    }

    It 'writes SVG only, into a folder that exists' {
        $e = Get-ErrorRecord { & $Draw (Join-Path $TestDrive "$Name.png") } 'UnsupportedImageFormat' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*.svg*'
        Get-ErrorRecord { & $Draw (Join-Path $TestDrive "no/such/$Name.svg") } 'DirectoryNotFound' 'ObjectNotFound'
    }
}
