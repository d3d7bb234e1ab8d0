# The explorable pages' sizes and load times (not a test): the seed step, an Iris run (300 epochs), a Spiral run and,
# when Debian's dataset-fashion-mnist is installed, a Fashion-MNIST run (784-256-128-10, 12 epochs), each written by
# Export-BackpropReport and opened in headless Chromium (Debian's chromium package) through PuppeteerSharp from the
# browser tests' build. Load time: from navigation start to the page's own mark 'report-drawn' (its panels drawn),
# the median of -Repeat loads. With -ScreenshotPath it also saves PNGs: the seed step with a weight's derivation open,
# and the Spiral run at three epochs.
# Run after `dotnet pwsh ./build.ps1 Build` (which builds tests/BackpropPS.Browser.Tests too):
#   dotnet pwsh ./tools/Measure/Measure-Report.ps1 -OutputPath ./pages [-ScreenshotPath ./shots] [-Repeat 5]
param(
    [Parameter(Mandatory)] [string] $OutputPath,
    [string] $ScreenshotPath,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BackpropPS'),
    [string] $Chromium = '/usr/bin/chromium',
    [int] $Repeat = 5,
    # Measure the pages already in -OutputPath again, without training again.
    [switch] $Reuse
)
$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
$OutputPath = (Resolve-Path $OutputPath).Path

# The pages, written in a child process (the module's DLL stays unlocked here).
$write = {
    param($module, $out)
    Import-Module $module
    Set-Location $out
    $step = New-BackpropNetwork -Example StepByStep | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
    $step | Export-BackpropReport -Path seed.html
    $iris = Get-BackpropDataset Iris
    $model = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 3
    $iris | Invoke-BackpropTraining -Network $model -TargetColumn species -Optimizer Adam -LearningRate 0.01 -Epochs 300 -BatchSize 16 -ValidationFraction 0.2 -Seed 3 -Standardize -GradientFlow |
        Export-BackpropReport -Path iris.html -Title 'Iris, 4-8-3, Adam 0.01, 300 epochs, batch 16, seed 3'
    $spiral = Get-BackpropDataset Spiral -Seed 1 -AsDataset
    $net = New-BackpropNetwork 2, 16, 16, 1 -Activation Tanh, Tanh, Sigmoid -Seed 1
    $spiral | Invoke-BackpropTraining -Network $net -Loss BinaryCrossEntropy -Optimizer Adam -LearningRate 0.01 -Epochs 1500 -BatchSize 0 -Seed 1 -Standardize -GradientFlow |
        Export-BackpropReport -Path spiral.html -Dataset $spiral -Title 'Spiral, 2-16-16-1 Tanh, binary cross-entropy, Adam 0.01, 1500 full-batch epochs, standardized, seed 1'
    if (Test-Path /usr/share/datasets/fashion-mnist) {
        $train, $test = Get-BackpropDataset FashionMnist
        $mlp = New-BackpropNetwork -LayerSize 784, 256, 128, 10 -Activation ReLU, ReLU, Softmax -Seed 1
        $train | Invoke-BackpropTraining -Network $mlp -Optimizer Adam -LearningRate 0.001 -Epochs 12 -BatchSize 128 -Shuffle -Seed 1 -GradientFlow |
            Export-BackpropReport -Path fashion.html -Title 'Fashion-MNIST, 784-256-128-10, Adam 0.001, 12 epochs, batch 128, seed 1'
    }
}
if (-not $Reuse -or -not (Test-Path (Join-Path $OutputPath 'spiral.html'))) {
    Start-Job -ScriptBlock $write -ArgumentList $ModulePath, $OutputPath | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop | Out-Host
}

$bin = Join-Path $PSScriptRoot '../../tests/BackpropPS.Browser.Tests/bin/Release/net10.0'
foreach ($dll in 'Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.Logging', 'WebDriverBiDi', 'PuppeteerSharp') {
    Add-Type -Path (Join-Path $bin "$dll.dll")
}
function Wait-Task($task) { $task.GetAwaiter().GetResult() }
# JavaScript's answer as text: EvaluateExpressionAsync<string>, which PowerShell reaches only through reflection.
function Get-Answer($page, [string] $script) {
    $method = $page.GetType().GetMethods() | Where-Object { $_.Name -eq 'EvaluateExpressionAsync' -and $_.IsGenericMethodDefinition } | Select-Object -First 1
    Wait-Task $method.MakeGenericMethod([string]).Invoke($page, @("String($script)"))
}
$options = [PuppeteerSharp.LaunchOptions]::new()
$options.Headless = $true
$options.ExecutablePath = $Chromium
$options.Args = [string[]]@('--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage')
$browser = Wait-Task ([PuppeteerSharp.Puppeteer]::LaunchAsync($options, $null))
try {
    $viewport = [PuppeteerSharp.ViewPortOptions]@{ Width = 1400; Height = 1000 }
    function Open-Page([string] $Path) {
        $page = Wait-Task $browser.NewPageAsync()
        $null = Wait-Task $page.SetViewportAsync($viewport)
        $null = Wait-Task $page.GoToAsync([Uri]::new($Path).AbsoluteUri, [PuppeteerSharp.WaitUntilNavigation]::Load)
        $page
    }
    $rows = foreach ($name in 'seed', 'iris', 'spiral', 'fashion') {
        $path = Join-Path $OutputPath "$name.html"
        if (-not (Test-Path $path)) { continue }
        $times = foreach ($k in 1..$Repeat) {
            $page = Open-Page $path
            [double](Get-Answer $page "performance.getEntriesByName('report-drawn')[0].startTime")
            $null = Wait-Task $page.CloseAsync()
        }
        [pscustomobject]@{
            Page = $name
            MB = [math]::Round((Get-Item $path).Length / 1MB, 2)
            LoadMs = [math]::Round(($times | Sort-Object)[[int][math]::Floor($times.Count / 2)])
            LoadMsAll = ($times | ForEach-Object { [math]::Round($_) }) -join ' '
        }
    }
    $rows | Format-Table -AutoSize | Out-Host

    if ($ScreenshotPath) {
        New-Item -ItemType Directory -Path $ScreenshotPath -Force | Out-Null
        $shot = [PuppeteerSharp.ScreenshotOptions]@{ FullPage = $true }
        $page = Open-Page (Join-Path $OutputPath 'seed.html')
        $null = Wait-Task (Wait-Task $page.QuerySelectorAsync('g.clickable[data-name="w1_11"], text.clickable[data-name="w1_11"]')).ClickAsync($null)
        $null = Wait-Task $page.ScreenshotAsync((Join-Path $ScreenshotPath 'seed-step-w1_11.png'), $shot)
        $null = Wait-Task $page.CloseAsync()
        $page = Open-Page (Join-Path $OutputPath 'spiral.html')
        $epochs = [int](Get-Answer $page 'data.epochs.epoch.length')
        foreach ($epoch in 100, 400, $epochs) {
            $null = Wait-Task $page.EvaluateExpressionAsync("(() => { const s = document.getElementById('slider'); s.value = $($epoch - 1); s.dispatchEvent(new Event('input')); })()")
            $null = Wait-Task $page.ScreenshotAsync((Join-Path $ScreenshotPath "spiral-epoch-$epoch.png"), $shot)
        }
        $null = Wait-Task $page.CloseAsync()
        Get-ChildItem $ScreenshotPath -Filter *.png | Select-Object Name, Length | Out-Host
    }
}
finally {
    $null = Wait-Task $browser.CloseAsync()
}
