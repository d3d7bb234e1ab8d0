# Export-BackpropImageGrid: samples of an image data set as SVG tiles, one rect per pixel, with their labels or the network's mistakes.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    function script:Get-Marked($Node, [string] $Class) { @($Node.SelectNodes(".//*[@class='$Class']")) }
    function script:Get-Pixel($Tile) { @($Tile.SelectNodes("*[@class='pixels']/*[local-name()='rect']")) }
    $script:fashionLabels = [string[]]('T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot')
    $script:fashion = New-ImageSet -Count 50 -Width 28 -Labels $fashionLabels
    $script:digits = New-ImageSet -Count 40 -Width 8 -Max 16 -Labels ([string[]](0..9 | ForEach-Object { "$_" }))
    $script:mnistNet = New-BackpropNetwork 784, 12, 10 -Activation ReLU, Softmax -Seed 3
    $script:digitsNet = New-BackpropNetwork 64, 9, 10 -Activation ReLU, Softmax -Seed 3
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
